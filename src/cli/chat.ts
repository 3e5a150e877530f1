/**
 * `npm run chat`: talk to the assistant in the terminal, with the bot's commands, as plain text.
 * Works with piped input too: `printf 'Kết luận 69 do ai ban hành?\n/vanban\n' | npm run chat --silent`.
 */
import { runChatMain } from "../bot/terminal.js";
import { openWithServices } from "../services.js";

await runChatMain({ openAssistant: async (config, logger) => (await openWithServices(config, logger)).assistant });
