/**
 * The shared VectorStore contract against a real Qdrant server. Runs only when QDRANT_URL is set
 * (QDRANT_API_KEY is used when present). Each test gets a random alias; its alias and collections are dropped after.
 */
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { QdrantStore } from "../src/search/qdrant-store.js";
import { describeStoreContract } from "./contract/store-contract.js";

const url = process.env.QDRANT_URL;

describe.skipIf(!url)("Qdrant integration (QDRANT_URL)", () => {
  describeStoreContract("QdrantStore (real server)", async () => {
    const store = new QdrantStore({
      url: url!,
      apiKey: process.env.QDRANT_API_KEY || undefined,
      collection: `vanban_test_${randomBytes(6).toString("hex")}`,
      timeoutMs: 20_000,
    });
    return {
      store,
      cleanup: async () => {
        await store.drop();
        await store.close();
      },
    };
  });
});
