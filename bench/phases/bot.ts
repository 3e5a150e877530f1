/** The bot load figures: runBotLoad from bench/bot-load.ts with its defaults (real assistant, 200 users × 5 questions). */
import { runBotLoad, type BotLoadResult } from "../bot-load.js";
import { log } from "../lib/real.js";

export async function run(): Promise<BotLoadResult> {
  const r = await runBotLoad();
  log(`bot load: ${r.answered}/${r.total} answered, ${r.qps} q/s, p50 ${r.p50} ms, p95 ${r.p95} ms, lost ${r.lost}`);
  return r;
}
