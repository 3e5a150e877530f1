# syntax=docker/dockerfile:1
# vanban Telegram bot. Build: docker build -t vanban-bot .   Run: see docker-compose.yml.
# There is no build step: scripts run through tsx, so tsx is a production dependency.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- 1. Production dependencies only (what the final image ships) -------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- 2. Type-check with the full toolchain: a build that does not type-check does not ship -----------------
FROM ${NODE_IMAGE} AS check
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc --noEmit -p tsconfig.json

# --- 3. Runtime --------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    CORPUS_DIRS=/app/corpus \
    METADATA_DIR=/app/metadata \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
# The check stage is a dependency of this one, so `docker build` always runs it.
COPY --from=check /app/src ./src
# The bundled corpus (the seed documents). Official texts we may not redistribute (Kết luận 69, Nghị quyết 20)
# are mounted at run time and added to CORPUS_DIRS (see docker-compose.yml).
COPY corpus ./corpus
# Metadata sidecars (e.g. the header Kết luận 69's transcription lacks) and the LLM prompts.
COPY metadata ./metadata
COPY prompts ./prompts
# The embedded index, sessions, answers and feedback live on the volume; the app runs as the unprivileged "node".
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Webhook mode only (BOT_MODE=webhook, WEBHOOK_PORT); long polling needs no inbound port.
EXPOSE 8080
# node directly, not `npm start`: npm does not forward SIGTERM, and the bot needs it to finish in-flight replies.
CMD ["node", "--import", "tsx", "src/main.ts"]
