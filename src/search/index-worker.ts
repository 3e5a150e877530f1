/** Worker thread of `indexChunksParallel`: analyzes the batch of chunk texts it was started with. */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeBatch } from "./chunks.js";

const { texts, avg } = workerData as { texts: string[]; avg: number };
const out = analyzeBatch(texts, avg);
parentPort?.postMessage(out, [out.offsets, out.indices, out.values, out.dfIds, out.dfCounts, out.crossPairs].map((a) => a.buffer as ArrayBuffer));
