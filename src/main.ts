/**
 * `npm start` / the Docker image: Specwright's GitHub App server. Reads `.env` (as `probot run`
 * does), then either starts Probot's setup wizard (no credentials yet) or Specwright's webhook
 * server, and stops cleanly on SIGINT / SIGTERM (it may run as PID 1 in a container).
 */
import { loadDotEnv } from "./server/load-dot-env.js";
import { startFromEnvironment } from "./server/start-from-environment.js";

loadDotEnv(process.env);
const started = await startFromEnvironment();
const stop = () => {
  started.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
