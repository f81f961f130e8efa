# One image for both processes: `api` (default) and `worker` (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.8
# the libraries first, from the lockfile alone (a layer that changes only with it), then the tree;
# so a new workspace package needs no line here
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch --frozen-lockfile
COPY . .
RUN pnpm install --offline --frozen-lockfile
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
