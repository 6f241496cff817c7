# The Cloudbook app for docker-compose.yml. The emulator runs in its own container (AWS_ENDPOINT_URL).
FROM node:22-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
EXPOSE 3000
# start.mjs migrates the database and, because AWS_ENDPOINT_URL is set, starts no emulator of its own
CMD ["node", "scripts/start.mjs", "start"]
