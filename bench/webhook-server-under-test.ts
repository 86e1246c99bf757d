/**
 * The server side of bench/webhook-bench.ts (not product code): the server being measured runs
 * in a process of its own, started from this file, so that nothing the benchmark itself does
 * (building and signing requests, starting the load generator, reading its figures) takes the
 * measured process's CPU or fills its heap. As `npm start` would, that process is the primary of
 * the webhook fronts; the fronts and floor servers are its cluster workers.
 *
 * - `specwright`: `startSpecwrightServer` on 127.0.0.1, jobs on a slow scripted engine (each agent
 *   "thinks" for `agentDelayMs`) against a fake GitHub (nock, in this process).
 * - `floor`: a node:http server that answers 200 without reading or checking anything, in this
 *   process (`processes` 0) or in `processes` cluster workers sharing the port as the fronts do.
 *   With `asFronts` (when Specwright is measured with fronts) it runs as a front does, with the
 *   fronts' Node.js flags (`FRONT_NODE_FLAGS`) and collecting garbage when idle, so that the
 *   comparison shows what Specwright's request path costs, not what that set-up saves.
 */
import { fork } from "node:child_process";
import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import nock from "nock";
import { createSpecwrightApp } from "../src/app.js";
import { createFrontActivity } from "../src/server/front/create-front-activity.js";
import { FRONT_NODE_FLAGS } from "../src/server/front/front-node-flags.js";
import { startSpecwrightServer } from "../src/server/start-specwright-server.js";
import { createFakeGithub } from "../test/helpers/probot-fake-github.js";
import { createTestProbot, WEBHOOK_SECRET } from "../test/helpers/probot-test-app.js";
import { THIRTEEN_CONFIG, thirteenFiles } from "../test/helpers/probot-thirteen.js";
import { createScriptedEngine } from "../test/helpers/scripted-engine.js";

/** What to serve. */
export type ServerSpec =
  | { kind: "specwright"; webhookProcesses: number; agentDelayMs: number; concurrency: number }
  | { kind: "floor"; processes: number; asFronts: boolean };

/** How the measured server's jobs ended (Specwright only). */
export interface JobCounts {
  succeeded: number;
  failed: number;
  unfinished: number;
}

/** A server under test, running in its own process. */
export interface ServerUnderTest {
  url: string;
  /**
   * Waits until the jobs the deliveries started are done (at most `maxWaitMs`), stops the server
   * and its process, and resolves to the jobs' counts.
   */
  finish(maxWaitMs: number): Promise<JobCounts>;
}

type ChildMessage = { type: "listening"; url: string } | { type: "finished"; jobs: JobCounts };

/** Set in the floor's cluster workers: `as-fronts` or `plain` (see `listenAsFloor`). */
const FLOOR_WORKER = "SPECWRIGHT_BENCH_FLOOR_WORKER";
const SERVE_FLAG = "--serve";

/** Starts `spec` in a new process and resolves once it listens. */
export async function startServerUnderTest(spec: ServerSpec): Promise<ServerUnderTest> {
  const child = fork(fileURLToPath(import.meta.url), [SERVE_FLAG, JSON.stringify(spec)], {
    // The bench's own node flags (e.g. `--trace-opt`) reach the measured server, not its fronts.
    // A floor serving from this process as the fronts do gets their flags, as its workers do.
    execArgv: [
      ...(spec.kind === "floor" && spec.processes === 0 && spec.asFronts ? FRONT_NODE_FLAGS : []),
      ...(import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : process.execArgv),
    ],
    serialization: "advanced",
  });
  // A channel that closed under a send: the exit says why.
  child.on("error", () => undefined);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) =>
      resolve(`the server under test exited (${signal ?? `code ${code}`})`),
    ),
  );
  /** The next message of `type`; rejects if the process exits first. */
  const next = <T extends ChildMessage["type"]>(type: T) =>
    Promise.race([
      new Promise<Extract<ChildMessage, { type: T }>>((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== type) return;
          child.off("message", onMessage);
          resolve(message as Extract<ChildMessage, { type: T }>);
        };
        child.on("message", onMessage);
      }),
      exited.then((why) => Promise.reject(new Error(`${why} before "${type}"`))),
    ]);
  const { url } = await next("listening");
  return {
    url,
    async finish(maxWaitMs) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(await exited);
      // Stopping takes a few seconds at most once the jobs are waited for: past that, it hangs.
      const deadline = setTimeout(() => child.kill("SIGKILL"), maxWaitMs + 30_000);
      try {
        const finished = next("finished");
        child.send({ type: "finish", maxWaitMs });
        const { jobs } = await finished;
        await exited;
        return jobs;
      } finally {
        clearTimeout(deadline);
      }
    },
  };
}

/**
 * A node:http server that answers 200 without reading or checking anything; `asFronts`: it also
 * collects garbage once idle, as a front does (with `--expose-gc`).
 */
function listenAsFloor(port: number, asFronts: boolean): Promise<Server> {
  const activity = asFronts ? createFrontActivity({ send: () => undefined, gc: globalThis.gc }) : undefined;
  const server = createServer((req, res) => {
    const end = activity?.begin();
    if (end) res.on("close", end);
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok\n"));
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

const urlOf = (port: number) => `http://127.0.0.1:${port}/api/github/webhooks`;

/** Serves `spec` in this process; returns the URL and what `finish` does. */
async function serve(
  spec: ServerSpec,
): Promise<{ url: string; finish(maxWaitMs: number): Promise<JobCounts> }> {
  const none = { succeeded: 0, failed: 0, unfinished: 0 };
  if (spec.kind === "floor" && spec.processes === 0) {
    const server = await listenAsFloor(0, spec.asFronts);
    return {
      url: urlOf((server.address() as AddressInfo).port),
      finish: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        return none;
      },
    };
  }
  if (spec.kind === "floor") {
    cluster.schedulingPolicy = cluster.SCHED_NONE;
    cluster.setupPrimary({
      exec: fileURLToPath(import.meta.url),
      execArgv: [
        ...(spec.asFronts ? FRONT_NODE_FLAGS : []),
        ...(import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : []),
      ],
    });
    const workers = Array.from({ length: spec.processes }, () =>
      cluster.fork({ [FLOOR_WORKER]: spec.asFronts ? "as-fronts" : "plain" }),
    );
    const ports = await Promise.all(
      workers.map((w) => new Promise<number>((resolve) => w.once("listening", (a) => resolve(a.port)))),
    );
    return {
      url: urlOf(ports[0] ?? 0),
      finish: async () => {
        await Promise.all(workers.map((w) => new Promise((resolve) => w.once("exit", resolve).kill())));
        return none;
      },
    };
  }

  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const github = createFakeGithub({ config: THIRTEEN_CONFIG, files: thirteenFiles() });
  const app = createSpecwrightApp({
    env: {},
    botLogin: "specwright[bot]",
    engine: createScriptedEngine({ agentDelayMs: spec.agentDelayMs }),
    concurrency: spec.concurrency,
    progressIntervalMs: 1000,
  });
  const server = await startSpecwrightServer({
    probot: createTestProbot(),
    specwright: app,
    secret: WEBHOOK_SECRET,
    port: 0,
    host: "127.0.0.1",
    webhookProcesses: spec.webhookProcesses,
  });
  return {
    url: server.webhookUrl,
    async finish(maxWaitMs) {
      await Promise.race([
        server.whenReceived().then(() => app.queue.onIdle()),
        new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref()),
      ]);
      const stats = app.queue.stats();
      await server.close();
      github.close();
      nock.cleanAll();
      return { succeeded: stats.succeeded, failed: stats.failed, unfinished: stats.queued + stats.running };
    },
  };
}

if (cluster.isWorker && process.env[FLOOR_WORKER] !== undefined) {
  await listenAsFloor(0, process.env[FLOOR_WORKER] === "as-fronts");
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv[2] === SERVE_FLAG) {
  const served = await serve(JSON.parse(process.argv[3] ?? "{}") as ServerSpec);
  // The benchmark is gone (killed, crashed): nobody is left to measure.
  process.on("disconnect", () => process.exit(1));
  process.on("message", (message: { type: string; maxWaitMs: number }) => {
    if (message.type !== "finish") return;
    void served.finish(message.maxWaitMs).then((jobs) => {
      // Exits once the answer is in the channel: nothing of the server is left to wait for.
      process.send?.({ type: "finished", jobs } satisfies ChildMessage, undefined, {}, () => process.exit(0));
    });
  });
  process.send?.({ type: "listening", url: served.url } satisfies ChildMessage);
}
