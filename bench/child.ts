/**
 * Runs one benchmark phase in its own process (fresh heap: one phase's garbage never counts in another's memory),
 * and sends its result to the parent over IPC.   tsx bench/child.ts <phase> '<json args>'
 */
const [phase, rawArgs] = process.argv.slice(2);
const modules: Record<string, () => Promise<{ run(args: unknown): Promise<unknown> }>> = {
  ingest: () => import("./phases/ingest.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  build: () => import("./phases/build.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  query: () => import("./phases/query.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  minisearch: () => import("./phases/minisearch.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  quality: () => import("./phases/quality.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  bot: () => import("./phases/bot.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  quiz: () => import("./phases/quiz.js") as Promise<{ run(args: unknown): Promise<unknown> }>,
  scale: () => import("./phases/scale.js").then((m) => ({ run: m.build as (args: unknown) => Promise<unknown> })),
  scaleAsk: () => import("./phases/scale.js").then((m) => ({ run: m.ask as (args: unknown) => Promise<unknown> })),
  scaleQuiz: () => import("./phases/scale.js").then((m) => ({ run: m.quiz as (args: unknown) => Promise<unknown> })),
};
const load = modules[phase ?? ""];
if (!load || !process.send) {
  process.stderr.write(`usage: run from bench/run.ts (phase one of ${Object.keys(modules).join(", ")})\n`);
  process.exit(2);
}
try {
  const result = await (await load()).run(JSON.parse(rawArgs ?? "{}"));
  process.send!({ ok: true, result }, () => process.exit(0));
} catch (err) {
  process.send!({ ok: false, error: (err as Error).stack ?? String(err) }, () => process.exit(1));
}
