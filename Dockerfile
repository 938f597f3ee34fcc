# The services' image for docker-compose.yml (machines with Docker): the workspace built once; the compose
# file picks what to run, e.g. migrations (tools/migrate.ts) and then `node dist/apps/referrals/src/main.js`.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/referrals/package.json apps/referrals/package.json
COPY libs libs
RUN npm install --no-audit --no-fund
COPY . .
RUN cd apps/referrals && PRISMA_SCHEMA_ENGINE_BINARY=/app/package.json npx prisma generate \
 && cd /app && npx tsx tools/build.ts
USER node
CMD ["node", "dist/apps/referrals/src/main.js"]
