/**
 * Where the bot's task features get the register: from the assistant's current knowledge, rebuilt only when the
 * knowledge changes (a /reload or an upload swaps it), and the documents of a chat's scope (/phamvi).
 */
import type { Knowledge } from "../assistant/knowledge.js";
import type { ParsedDocument } from "../domain/model.js";
import { buildRegister, type TaskRegister } from "./register.js";

export interface TaskSource {
  /** The register of the corpus as it is now. */
  register(): TaskRegister;
  /**
   * The documents a chat scoped to `locality` reads: the central ones and that locality's. Null when the corpus has
   * none of that locality (the chat then reads everything, as its questions do).
   */
  scopeDocuments(locality: string): string[] | null;
}

/** A source over fixed documents (tests, the CLI). */
export function staticTaskSource(documents: readonly ParsedDocument[]): TaskSource {
  const register = buildRegister(documents);
  return { register: () => register, scopeDocuments: () => null };
}

/**
 * A source over an assistant that exposes its knowledge (the real one does; a front end's fake may not, and then the
 * register is empty).
 */
export function taskSourceOf(assistant: unknown): TaskSource {
  let built: { documents: readonly ParsedDocument[]; register: TaskRegister } | null = null;
  const knowledge = (): Knowledge | null => {
    const k = (assistant as { knowledge?: () => Knowledge } | null)?.knowledge;
    return typeof k === "function" ? k.call(assistant) : null;
  };
  return {
    register() {
      const documents = knowledge()?.documents ?? [];
      // The knowledge object is replaced, never mutated, by a re-index: its documents array tells versions apart.
      if (built?.documents !== documents) built = { documents, register: buildRegister(documents) };
      return built.register;
    },
    scopeDocuments(locality) {
      const kb = knowledge();
      if (!kb) return null;
      const local = [...kb.documentsForLocality(locality)];
      return local.length ? [...new Set([...kb.centralDocuments(), ...local])] : null;
    },
  };
}
