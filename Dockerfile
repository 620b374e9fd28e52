# syntax=docker/dockerfile:1
# Build stage: install everything (sqlite3 compiles here), compile TypeScript, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
COPY test/modules/segmentation/cases.ts ./test/modules/segmentation/cases.ts
COPY test/support/news-page.ts ./test/support/news-page.ts
COPY test/support/readability-corpus.ts ./test/support/readability-corpus.ts
COPY test/modules/search/claim-matching-pairs.ts ./test/modules/search/claim-matching-pairs.ts
COPY public ./public
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled output, production dependencies, views, static files and content only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATABASE_URL=/data/factline.sqlite TRUST_PROXY=uniquelocal
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY views ./views
# The static files with the bundles built above (public/js/factline.js, public/embed.js).
COPY --from=build /app/public ./public
COPY content ./content
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node is PID 1 without a shell in between, so SIGTERM reaches the app's graceful shutdown.
CMD ["node", "dist/src/server.js"]
