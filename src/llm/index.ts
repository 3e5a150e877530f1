/** The LLM boundary: OpenAI-compatible client, embeddings, generated answers, follow-up rewriting. */
export { createOpenAIClient, PLACEHOLDER_API_KEY, type OpenAIClientOptions } from "./client.js";
export { createOpenAIEmbedder, EMBEDDING_CACHE_FILE, type Embedder, type OpenAIEmbedderOptions } from "./embedder.js";
export { generateAnswer, buildAnswer, NOT_FOUND_ANSWER, type GenerateAnswerInput, type Source, type DroppedClaim } from "./answer.js";
export { rewriteFollowUp, needsRewrite, type RewriteInput } from "./rewrite.js";
export { LlmError, type LlmErrorKind, type LlmOperation } from "./errors.js";
export { verbatimQuote } from "./quotes.js";
// createLlmServices is not re-exported: it imports the assistant layer, and services.ts loads it lazily.
