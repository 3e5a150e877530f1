/** Wires the OpenAI-compatible embedder and answer generator from the configuration (filled in with src/llm). */
import type { GeneratedAnswerer } from "../assistant/assistant.js";
import type { QueryEmbedder } from "../assistant/retrieve.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

export function createLlmServices(
  _config: Config,
  _logger: Logger,
  _options: { forIngest: boolean },
): { embedder: (QueryEmbedder & { dimensions?: number | null }) | null; generator: GeneratedAnswerer | null } {
  return { embedder: null, generator: null };
}
