# syntax=docker/dockerfile:1
#
# One image recipe for all seven services; pick the service with the SERVICE build argument:
#   docker build --build-arg SERVICE=pii-filter -t ais/pii-filter .
# docker-compose.yml builds each service this way.
#
# Services run from TypeScript through @swc-node/register (the same way `nx serve` runs them), so
# the runtime stage keeps the dev dependencies that provide it.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: exactly what package-lock.json says ----------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true
COPY package.json package-lock.json ./
# Native parts (@swc/core, nx, oxc-resolver) come as prebuilt optional packages; no install
# scripts needed.
RUN npm ci --ignore-scripts --no-audit --no-fund

# --- typecheck: the whole repository must compile before any image is produced ---------------------
FROM deps AS typecheck
# Everything tsconfig.json includes (apps, libs, test, scripts, bench); .dockerignore keeps the rest out.
COPY . .
RUN npx tsc -p tsconfig.json --noEmit && touch /tmp/typecheck.ok

# --- runtime ----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    AIS_HTTP_HOST=0.0.0.0
WORKDIR /app
# Code stays owned by root: the service user can read it, not change it.
# Forces the typecheck stage to run (BuildKit skips stages nothing depends on).
COPY --from=typecheck /tmp/typecheck.ok /tmp/typecheck.ok
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
RUN if [ -z "${SERVICE}" ]; then echo 'build with --build-arg SERVICE=<app name>' >&2; exit 1; fi; \
    if [ ! -f "apps/${SERVICE}/src/main.ts" ]; then echo "apps/${SERVICE}/src/main.ts not found" >&2; exit 1; fi
USER node
# Each service reads its own <SERVICE>_PORT (default 8080..8086); compose publishes it.
CMD ["sh", "-c", "exec node -r @swc-node/register \"apps/${SERVICE}/src/main.ts\""]
