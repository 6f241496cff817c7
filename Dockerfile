# The Cloudbook app for docker-compose.yml. Learner code and per-learner MiniStacks run inside bubblewrap
# sandboxes in this container; the app itself runs as the unprivileged user "cloudbook", never as root.
FROM node:22-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap python3 python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 cloudbook
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build && npx tsx scripts/setup-emulators.ts ministack localstack \
 && mkdir -p /data .cloudbook && chown -R cloudbook:cloudbook /data .cloudbook
USER cloudbook
EXPOSE 3000
CMD ["node", "scripts/start.mjs", "start"]
