# OpenAIMS server image. NOT BUILT OR RUN in this project's environment (no Docker there): treat it
# as a starting point and check it in your own pipeline. See docs/deployment.md.
#
#   docker build -t openaims .
#   docker run -p 8080:8080 -e HOST=0.0.0.0 -v aims-data:/data openaims                 # SQLite
#   docker run -p 8080:8080 -e HOST=0.0.0.0 -e DATABASE_URL=postgres://… openaims        # PostgreSQL
#   docker run -e DATABASE_URL=postgres://… openaims worker                              # jobs only

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles if no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
COPY catalog ./catalog
COPY bin ./bin
COPY tsconfig.json ./
# npm ci runs `prepare`, which builds dist/aims.js and dist/web.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production AIMS_DATA_DIR=/data HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/catalog ./catalog
COPY LICENSE NOTICE ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Load balancers: GET /api/v1/ready (database reachable, migrations applied, not draining).
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec form: SIGTERM reaches node, which finishes in-flight requests and jobs (AIMS_SHUTDOWN_TIMEOUT_SECONDS).
ENTRYPOINT ["node", "dist/aims.js"]
CMD ["serve"]
