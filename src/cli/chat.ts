/**
 * `npm run chat`: talk to the assistant in the terminal, with the bot's commands, as plain text.
 * Works with piped input too: `printf 'Kết luận 69 do ai ban hành?\n/vanban\n' | npm run chat --silent`.
 */
import { openAssistant } from "../assistant/open.js";
import { runChatMain } from "../bot/terminal.js";
import { buildServices } from "../services.js";

await runChatMain({
  openAssistant: async (config, logger) => {
    const services = await buildServices(config, logger);
    return openAssistant(config, logger, {
      store: services.qdrant ?? undefined,
      embedder: services.embedder,
      generator: services.generator,
    });
  },
});
