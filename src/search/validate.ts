/**
 * The input contract of `VectorStore.replaceAll`, shared by the embedded and the Qdrant store.
 */
import type { IndexedChunk } from "./types.js";

/** replaceAll was given chunks that no store may index (see validateIndexedChunks). Never retryable. */
export class InvalidIndexInputError extends Error {
  override readonly name = "InvalidIndexInputError";
  readonly retryable = false;
}

const UINT32_MAX = 0xffff_ffff;

/**
 * The input contract of `VectorStore.replaceAll`, shared by every store so that they reject the same things
 * (before touching any index). Invalid:
 * - `info.denseSize` present but not a positive integer;
 * - two chunks with the same id, or an empty id;
 * - a sparse vector whose indices and values differ in length, with an index that is not an integer in [0, 2^32),
 *   with a duplicate index, or with a non-finite value;
 * - with `info.denseSize`: a chunk without a dense vector, or with one of another length;
 *   without it: any chunk carrying a dense vector;
 * - a dense vector with a non-finite component, or with all components zero (Cosine is undefined there).
 */
export function validateIndexedChunks(chunks: readonly IndexedChunk[], info: { denseSize?: number }): void {
  const { denseSize } = info;
  if (denseSize !== undefined && !(Number.isInteger(denseSize) && denseSize > 0)) {
    throw new InvalidIndexInputError(`denseSize must be a positive integer, got ${String(denseSize)}`);
  }
  const seen = new Set<string>();
  for (const chunk of chunks) {
    const where = `chunk ${JSON.stringify(chunk.id)}`;
    if (typeof chunk.id !== "string" || chunk.id.length === 0) throw new InvalidIndexInputError(`${where}: empty id`);
    if (seen.has(chunk.id)) throw new InvalidIndexInputError(`${where}: duplicate id`);
    seen.add(chunk.id);
    const { indices, values } = chunk.sparse;
    if (indices.length !== values.length) {
      throw new InvalidIndexInputError(`${where}: sparse vector has ${indices.length} indices but ${values.length} values`);
    }
    // Indices in increasing order (as our indexing writes them) cannot repeat: the set is built only otherwise.
    let dims: Set<number> | null = null;
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i]!;
      if (!Number.isInteger(index) || index < 0 || index > UINT32_MAX) {
        throw new InvalidIndexInputError(`${where}: sparse index ${String(index)} is not an integer in [0, 2^32)`);
      }
      if (!dims && i > 0 && index <= indices[i - 1]!) dims = new Set(Array.from(indices).slice(0, i));
      if (dims) {
        if (dims.has(index)) throw new InvalidIndexInputError(`${where}: duplicate sparse index ${index}`);
        dims.add(index);
      }
      if (!Number.isFinite(values[i])) {
        throw new InvalidIndexInputError(`${where}: sparse value ${String(values[i])} is not finite`);
      }
    }
    const dense = chunk.dense;
    if (denseSize === undefined) {
      if (dense !== undefined) {
        throw new InvalidIndexInputError(`${where}: has a dense vector but no denseSize was given`);
      }
      continue;
    }
    if (dense === undefined) throw new InvalidIndexInputError(`${where}: missing dense vector (denseSize ${denseSize})`);
    if (dense.length !== denseSize) {
      throw new InvalidIndexInputError(`${where}: dense vector has ${dense.length} dimensions, expected ${denseSize}`);
    }
    let nonZero = false;
    for (const x of dense) {
      if (!Number.isFinite(x)) throw new InvalidIndexInputError(`${where}: dense vector has a non-finite component`);
      if (x !== 0) nonZero = true;
    }
    if (!nonZero) throw new InvalidIndexInputError(`${where}: dense vector is all zeros`);
  }
}
