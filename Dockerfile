# syntax=docker/dockerfile:1
# The platform's image: one image for `now portal`, `now workers`, `now migrate` and `now start`
# (embedded engine). Multi-stage: build tools and dev dependencies never reach the runtime image;
# it runs as the unprivileged user `node`. Base image pinned as in infra/images.yaml.

# 1. Dependencies, with the toolchain the SQLite bindings compile with if no prebuilt binary fits.
FROM node:22.23.2-bookworm-slim AS dependencies
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Sources; a front-end build runs when the package defines one; then dev dependencies go.
FROM dependencies AS build
COPY . .
RUN npm run build --if-present && npm prune --omit=dev --no-audit --no-fund

# 3. Runtime: sources and production dependencies only, owned by root and read-only to the
#    process; only DATA_DIR (embedded defaults, temporary files) is writable.
FROM node:22.23.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/now
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/now && chown node:node /var/lib/now
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "infra/docker/health-check.mjs", "http://127.0.0.1:3000/healthz"]
ENTRYPOINT ["node", "bin/now.js"]
CMD ["start"]
