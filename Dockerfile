# syntax=docker/dockerfile:1

# --- build: install everything, compile TypeScript --------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- runtime: production dependencies only, non-root ------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# git is needed by the local snapshot adapter (the CLI inside the image)
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY prompts ./prompts
COPY app.yml ./app.yml
USER node
# Listen on every interface of the container (the default, localhost, is unreachable from outside).
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# Credentials come from the environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, ANTHROPIC_API_KEY):
# the setup wizard cannot write .env inside the image. The server answers GET /ping with PONG.
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# dist/main.js = `npm start`: Specwright's webhook server, stopping cleanly on SIGTERM as PID 1.
CMD ["node", "dist/main.js"]
