# One image for both processes: `api` (default) and `worker` (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/contracts/package.json packages/contracts/
COPY packages/jobs/package.json packages/jobs/
COPY packages/returns/package.json packages/returns/
COPY packages/records/package.json packages/records/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @hearth/web run build
# the API and the worker compiled to plain JavaScript (apps/api/dist, apps/worker/dist)
RUN pnpm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "apps/api/dist/server.mjs"]
