# The services' image for docker-compose.yml (machines with Docker). One image, one service per container:
# the compose file picks the entry point, e.g. `node dist/apps/referrals/src/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/referrals/package.json apps/referrals/package.json
COPY libs libs
RUN npm ci --no-audit --no-fund
COPY . .
RUN cd apps/referrals && PRISMA_SCHEMA_ENGINE_BINARY=/app/package.json npx prisma generate \
 && cd /app && npx tsx tools/build.ts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/apps/referrals/prisma apps/referrals/prisma
USER node
CMD ["node", "dist/apps/referrals/src/main.js"]
