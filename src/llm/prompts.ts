/**
 * System prompts live in `prompts/*.md` at the project root, so they can be read and reviewed as prose.
 * Resolved from this module's URL (src/llm → ../../prompts), so the working directory does not matter.
 */
import { readFile } from "node:fs/promises";

export type PromptName = "answer" | "rewrite" | "quiz";

const cache = new Map<PromptName, Promise<string>>();

/** The prompt's text, read once per process. A failed read is not cached, so a fixed file is picked up next time. */
export function loadPrompt(name: PromptName): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = readFile(new URL(`../../prompts/${name}.md`, import.meta.url), "utf8").then((s) => s.trim());
    text.catch(() => cache.delete(name));
    cache.set(name, text);
  }
  return text;
}
