# syntax=docker/dockerfile:1
# Quadrant image: one image for every role; compose (or your orchestrator) picks the role with CMD.
#   docker build -t quadrant .
#   docker run --env-file .env -e REDIS_URL=redis://<redis-host>:6379 -p 3000:3000 quadrant          # web + worker in one process
#   docker run --env-file .env -e REDIS_URL=redis://<redis-host>:6379 quadrant start --role worker   # a worker alone
# REDIS_URL must name a Redis the container can reach: left empty (as in a copied .env.example) it means
# 127.0.0.1, which inside a container is the container itself. To keep the emergency journal across
# restarts, add -e QUADRANT_SPOOL_DIR=/var/lib/quadrant/spool -v quadrant-spool:/var/lib/quadrant/spool
# (docker-compose.yml does this for the web service).

# ---- build: compile TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the `prepare` script would run the build before the sources are copied in.
RUN npm ci --ignore-scripts
# The whole context (see .dockerignore): the build compiles src/, sandbox/ and bench/ and whatever they import.
COPY . .
RUN npm run build

# ---- deps: production dependencies only ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` needs TypeScript, a dev dependency; dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# ---- runtime ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root: the app runs as `node` and has no reason to rewrite its own code.
COPY package.json ./
COPY bin ./bin
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Where the app keeps its emergency journal (QUADRANT_SPOOL_DIR: emergencies declared while Redis is down).
# Owned by `node` so a named volume mounted at /var/lib/quadrant/spool starts out writable by it too.
RUN mkdir -p /var/lib/quadrant/spool && chown -R node:node /var/lib/quadrant
USER node
EXPOSE 3000
# The slim image has no curl; Node 20's fetch does the probe. Every role serves /health on PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/quadrant.js"]
CMD ["start", "--role", "all"]
