/**
 * `npm start`: the Telegram bot. The only place that builds the real collaborators (Qdrant, the LLM endpoint, the
 * assistant) and hands them to the bot; everything else is wired in src/bot/app.ts.
 */
import { runMain } from "./bot/app.js";
import { openWithServices, type Services } from "./services.js";

let services: Services | undefined;

await runMain({
  // Builds the embedded index under DATA_DIR on first start (or mirrors it into Qdrant when QDRANT_URL is set).
  openAssistant: async (config, logger, hooks) => {
    const opened = await openWithServices(config, logger, { onRecovery: hooks?.onRecovery });
    services = opened.services;
    return opened.assistant;
  },
  close: async () => {
    await services?.qdrant?.close();
  },
  quizWriter: () => services?.quizWriter ?? null,
});
