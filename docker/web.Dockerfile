# syntax=docker/dockerfile:1.7
# The web app: the React single-page app built by Vite (apps/web → apps/web/dist), served by
# an unprivileged nginx that also proxies /api to auth-api and jobs-api (docker/nginx.conf.template).
#   docker build -f docker/web.Dockerfile -t jobping/web .
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

FROM ${NODE_IMAGE} AS tools
RUN npm install -g pnpm@10.34.8 turbo@2.11.11 && npm cache clean --force
ENV CI=true
WORKDIR /repo

FROM tools AS prune
COPY . .
RUN turbo prune @jobping/web --docker --out-dir /pruned

FROM tools AS build
COPY --from=prune /pruned/json/ ./
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
  pnpm install --frozen-lockfile
COPY --from=prune /pruned/full/ ./
COPY tsconfig.base.json ./
ENV NODE_ENV=production
RUN turbo run build --filter=@jobping/web... --output-logs=errors-only

# Static files only: no Node, no node_modules in the final image.
FROM ${NGINX_IMAGE} AS runtime
# The image's entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d,
# substituting only these variables (nginx's own $uri etc. stay as they are). The browser
# tests render the template the same way, from these lines (@jobping/edge/testing).
ENV AUTH_API_UPSTREAM=http://auth-api:3001 \
  JOBS_API_UPSTREAM=http://jobs-api:3002 \
  WEB_LISTEN_PORT=8080 \
  WEB_ROOT=/usr/share/nginx/html \
  NGINX_ENVSUBST_FILTER=^(AUTH_API_UPSTREAM|JOBS_API_UPSTREAM|WEB_LISTEN_PORT|WEB_ROOT)$ \
  NODE_ENV=production
COPY docker/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /repo/apps/web/dist/ /usr/share/nginx/html/
# uid 101 (nginx) of nginx-unprivileged; it listens on 8080, no root needed.
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
