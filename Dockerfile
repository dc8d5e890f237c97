# iotcheck server image: `docker build -t iotcheck .` (see compose.yaml for two servers behind nginx).

# --- build: compile better-sqlite3 from source, build the web app and the server bundle ---------
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3 is compiled here against this image's Node and glibc, never a downloaded binary.
RUN npm ci --no-audit --no-fund \
  && npm rebuild better-sqlite3 --build-from-source
COPY . .
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

# --- run: the built app only, as an unprivileged user ----------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/var/lib/iotcheck
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/catalog ./catalog
RUN groupadd --system iotcheck \
  && useradd --system --gid iotcheck --home-dir /var/lib/iotcheck --shell /usr/sbin/nologin iotcheck \
  && mkdir -p /var/lib/iotcheck \
  && chown iotcheck:iotcheck /var/lib/iotcheck
USER iotcheck
VOLUME ["/var/lib/iotcheck"]
EXPOSE 8080
# Liveness only (no database query): a database outage must not make the orchestrator restart servers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `npm start` runs after its build; the image is already built, so the bundle starts directly.
CMD ["node", "dist/server/main.js", "serve"]
