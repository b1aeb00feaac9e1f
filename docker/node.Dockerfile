# syntax=docker/dockerfile:1.7
# One image recipe for every Node workspace (apps/* and the db package, which is the
# migration image). From the repository root:
#   docker build -f docker/node.Dockerfile --build-arg APP=matcher -t jobping/matcher .
#   docker build -f docker/node.Dockerfile --build-arg APP=db -t jobping/migrate .
# APP is the package name without its @jobping/ scope. System packages an app needs at run
# time come from its package.json ("jobping": { "needs": ["chromium"] }), as in `npm test`.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS tools
# Same versions as the root package.json (packageManager, turbo); corepack cannot verify pnpm's
# signatures on every machine, npm can install it.
RUN npm install -g pnpm@10.34.8 turbo@2.11.11 && npm cache clean --force
ENV CI=true
WORKDIR /repo

# Only the workspaces APP depends on, with a lockfile cut down to them.
FROM tools AS prune
ARG APP
COPY . .
RUN test -n "${APP}" || (echo 'build with --build-arg APP=<app>' >&2; exit 1) \
  && turbo prune "@jobping/${APP}" --docker --out-dir /pruned

FROM tools AS build
ARG APP
# Manifests and lockfile first: this layer stays cached until a dependency changes.
COPY --from=prune /pruned/json/ ./
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
  pnpm install --frozen-lockfile
COPY --from=prune /pruned/full/ ./
# Not workspaces, so turbo prune leaves them out: the shared compiler settings, and the
# Prisma schema that packages/db generates its client from (and the migrations it applies).
COPY tsconfig.base.json ./
COPY prisma ./prisma
RUN turbo run build --filter="@jobping/${APP}..." --output-logs=errors-only
# The app with its production dependencies only (workspace packages copied in, not linked).
RUN pnpm --filter="@jobping/${APP}" deploy --prod --legacy /out \
  && cp -r prisma /out/prisma

FROM ${NODE_IMAGE} AS runtime
ARG APP
WORKDIR /app
COPY --from=build /out/package.json ./package.json
RUN needs="$(node -p "(require('./package.json').jobping?.needs ?? []).join(' ')")" \
  && if [ -n "${needs}" ]; then \
    apt-get update \
    && apt-get install -y --no-install-recommends ${needs} \
    && rm -rf /var/lib/apt/lists/*; \
  fi
# Owned by root and read-only for the app user: the container writes only to /tmp.
COPY --from=build /out/ ./
COPY docker/healthcheck.mjs /usr/local/lib/jobping/healthcheck.mjs
ENV NODE_ENV=production \
  HOME=/tmp \
  PLAYWRIGHT_CHROMIUM_PATH=/usr/bin/chromium \
  PRISMA_SCHEMA_PATH=/app/prisma/schema.prisma \
  PRISMA_MIGRATIONS_DIR=/app/prisma/migrations
LABEL org.opencontainers.image.title="jobping-${APP}" \
  org.opencontainers.image.source="https://github.com/jobping/jobping"
# The node user of the official image, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "/usr/local/lib/jobping/healthcheck.mjs"]
# Node is PID 1 on purpose: every app handles SIGTERM itself (drain, then exit).
CMD ["node", "dist/main.js"]
