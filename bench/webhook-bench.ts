/**
 * Benchmark of the GitHub App's webhook path and GitHub request budget, not a test.
 *
 * 1. Acknowledgement latency under load: Specwright's webhook server (what `npm start` runs:
 *    `startSpecwrightServer` on 127.0.0.1, with the webhook front processes `auto` picks on this
 *    machine, or `--webhook-processes N`) receives correctly signed `issues.labeled` deliveries, each
 *    for a new issue, while the jobs they start run against a slow scripted engine (each agent
 *    "thinks" for `agentDelayMs`) and a fake GitHub (nock, in the server's process). The deliveries
 *    come from a separate load-generator process, each on a new connection as GitHub's would: the
 *    native client `bench/burst-client.c` (compiled here with `cc`; see its header for why), or this
 *    file with `--client` when there is no C compiler. After `WARM_UP.bursts` unmeasured bursts,
 *    `BURSTS.count` bursts of `deliveries` requests all at once (every request in flight together;
 *    jobs run in the pauses between them), then `deliveries` more paced at `ratePerSecond`. Reports
 *    p50/p99/max of the time to the HTTP answer over all burst deliveries and each burst's own p99,
 *    next to the same protocol against a server that only answers 200 (the floor of this machine),
 *    in one process and in as many processes as the fronts, sharing the port as they do.
 *    Target: p99 < 50 ms (handlers only validate and enqueue).
 * 2. GitHub requests per full 13-spec + review run (`/spec regenerate` of 13 agents in 4 phases),
 *    counted through nock: with the agents named (one commit) and with `all` (a checkpoint commit
 *    after each phase but the last, whose specs go into the final commit). Target: ≤ 15.
 *    Compared with a naive per-file client (see `naiveRequests`).
 *
 * Bounded: loopback only, fixed numbers of deliveries, and it stops once the queue is idle (or
 * after `maxWaitMs`). Run: `npx tsx bench/webhook-bench.ts` (or `npm run bench`). Prints figures; no assertions.
 */
import { execFile, spawnSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import { availableParallelism } from "node:os";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nock from "nock";
import { createSpecwrightApp } from "../src/app.js";
import { resolveWebhookProcesses } from "../src/server/read-server-env.js";
import { startSpecwrightServer } from "../src/server/start-specwright-server.js";
import { createFakeGithub } from "../test/helpers/probot-fake-github.js";
import { postWebhook, signBody, startWebhookServer } from "../test/helpers/probot-server.js";
import { createTestProbot, webhookFixture, WEBHOOK_SECRET } from "../test/helpers/probot-test-app.js";
import { THIRTEEN_AGENTS, THIRTEEN_CONFIG, thirteenFiles } from "../test/helpers/probot-thirteen.js";
import { createScriptedEngine } from "../test/helpers/scripted-engine.js";

/** Options of `runWebhookBench`. */
export interface WebhookBenchOptions {
  deliveries?: number;
  ratePerSecond?: number;
  agentDelayMs?: number;
  concurrency?: number;
  maxWaitMs?: number;
  /** Webhook front processes (default: what `npm start` picks on this machine). */
  webhookProcesses?: number;
}

/** Latency percentiles of one load pattern, in milliseconds. */
export interface AckLatency {
  p50: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
  /** Bursts only: each measured burst's own p99 (the pooled figures are over all of them). */
  perBurstP99: number[];
}

/** What the benchmark measured. */
export interface WebhookBenchResult {
  deliveries: number;
  burst: AckLatency;
  paced: AckLatency & { ratePerSecond: number };
  /** The same load against a server that only answers 200 (see `measureFloor`). */
  floor: { burst: AckLatency; paced: AckLatency };
  /** The same, served by as many processes as Specwright's fronts (when it has any). */
  floorShared?: { burst: AckLatency; paced: AckLatency };
  /** Webhook front processes Specwright's server ran with (0: it served the port itself). */
  webhookProcesses: number;
  /** Which load generator measured (`native`: bench/burst-client.c), and why not native. */
  client: { kind: "native" | "node"; note?: string };
  jobs: { succeeded: number; failed: number; unfinished: number };
  /** `byRoute`: the `all` run's requests per route (GraphQL per operation). */
  runRequests: { named: number; all: number; byRoute: Record<string, number> };
  naive: ReturnType<typeof naiveRequests>;
}

/**
 * A naive client publishing the same run file by file through the contents API: each of the 14
 * files (13 specs + the review) needs a `GET …/contents/{path}` (its blob SHA, to update it) and
 * a `PUT …/contents/{path}` (one commit per file); each agent's progress is a fresh comment on
 * every state change (started, finished: 2 per agent); each finding is its own review comment.
 * Plus what any client needs: permission, config, PR lookup and creation, check run.
 */
export function naiveRequests(files = 14, agents = 13, findings = 0) {
  const perFile = files * 2;
  const progress = agents * 2;
  const fixed = 1 + 1 + 2 + 1;
  return { perFile, progress, findings, fixed, total: perFile + progress + findings + fixed };
}

/**
 * Before measuring, bursts like the measured ones (each delivery for a new issue, so each starts
 * a job): a server whose code is warm (optimised by the JIT), as a long-running one's is.
 */
const WARM_UP = { bursts: 3 };
/** Measured bursts (pooled for the percentiles) and the pause between them, while jobs run. */
const BURSTS = { count: 5, pauseMs: 250 };

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** `count` signed `issues.labeled` deliveries for issues `firstIssue…`, as raw HTTP/1.1 requests. */
function buildRequests(url: string, count: number, firstIssue: number, issues: number): Buffer[] {
  const target = new URL(url);
  return Array.from({ length: count }, (_, i) => {
    const payload = webhookFixture<{ issue: { number: number; title: string } }>("issues-labeled");
    payload.issue.number = firstIssue + (i % issues);
    payload.issue.title = `Feature ${payload.issue.number}`;
    const body = Buffer.from(JSON.stringify(payload));
    const head = [
      `POST ${target.pathname} HTTP/1.1`,
      `host: ${target.host}`,
      "user-agent: GitHub-Hookshot/bench",
      "content-type: application/json",
      `content-length: ${body.length}`,
      "x-github-event: issues",
      `x-github-delivery: ${randomUUID()}`,
      `x-hub-signature-256: sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
      "",
      "",
    ].join("\r\n");
    return Buffer.concat([Buffer.from(head, "latin1"), body]);
  });
}

/** The input of the native client: per request a 4-byte little-endian length, then the bytes. */
function writeRequestsFile(path: string, requests: readonly Buffer[]): void {
  const parts: Buffer[] = [];
  for (const request of requests) {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(request.length);
    parts.push(length, request);
  }
  writeFileSync(path, Buffer.concat(parts));
}

/**
 * Client mode of the Node.js load generator (used when no C compiler is found): sends each
 * request on a fresh TCP connection and prints as JSON, per delivery, the time from connecting
 * to the first bytes of the answer (its status line).
 */
async function runNodeClient(
  url: string,
  count: number,
  ratePerSecond: number,
  firstIssue: number,
  issues: number,
): Promise<void> {
  const target = new URL(url);
  const requests = buildRequests(url, count, firstIssue, issues);
  const sockets: Socket[] = [];
  const send = (i: number) =>
    new Promise<{ ms: number; status: number }>((resolve, reject) => {
      const started = performance.now();
      const socket = connect(Number(target.port), target.hostname);
      sockets.push(socket);
      socket.on("error", reject);
      socket.once("data", (chunk: Buffer) =>
        resolve({ ms: performance.now() - started, status: Number(chunk.toString("latin1", 9, 12)) }),
      );
      socket.write(requests[i] as Buffer);
    });
  const gap = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  const results = await Promise.all(
    requests.map((_, i) =>
      gap === 0 ? send(i) : new Promise<void>((r) => setTimeout(r, i * gap)).then(() => send(i)),
    ),
  );
  for (const socket of sockets) socket.destroy();
  process.stdout.write(JSON.stringify(results));
}

/**
 * The load generator: `bench/burst-client.c` compiled with the machine's C compiler into a
 * temporary folder (see its header for why), or the Node.js client when there is none.
 */
interface LoadGenerator {
  kind: "native" | "node";
  /** Why the native client is not used. */
  note?: string;
  dir: string;
}

function prepareLoadGenerator(): LoadGenerator {
  const dir = mkdtempSync(join(tmpdir(), "specwright-bench-"));
  const source = [
    fileURLToPath(new URL("./burst-client.c", import.meta.url)),
    fileURLToPath(new URL("../../bench/burst-client.c", import.meta.url)),
  ].find((path) => existsSync(path));
  if (source === undefined) return { kind: "node", note: "bench/burst-client.c not found", dir };
  const build = spawnSync("cc", ["-O2", "-o", join(dir, "burst-client"), source], { encoding: "utf8" });
  if (build.status !== 0) {
    const why = build.error ? build.error.message : build.stderr.trim().split("\n")[0];
    return { kind: "node", note: `no native client (cc: ${why})`, dir };
  }
  return { kind: "native", dir };
}

/** Runs one load in its own process (native client, else Node.js client) and returns its samples. */
function load(
  generator: LoadGenerator,
  url: string,
  count: number,
  ratePerSecond: number,
  firstIssue: number,
  issues = count,
): Promise<{ ms: number; status: number }[]> {
  let file: string;
  let args: string[];
  if (generator.kind === "native") {
    const requests = join(generator.dir, "requests.bin");
    writeRequestsFile(requests, buildRequests(url, count, firstIssue, issues));
    const gapMs = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
    file = join(generator.dir, "burst-client");
    args = [new URL(url).port, requests, String(gapMs)];
  } else {
    file = process.execPath;
    args = [
      ...(import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : []),
      fileURLToPath(import.meta.url),
      "--client",
      url,
      String(count),
      String(ratePerSecond),
      String(firstIssue),
      String(issues),
    ];
  }
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as { ms: number; status: number }[]);
    });
  });
}

function summarise(samples: readonly { ms: number; status: number }[], perBurstP99: number[] = []) {
  const sorted = samples.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const r of samples) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    statuses,
    perBurstP99,
  };
}

/**
 * The measuring protocol, the same for Specwright's server and the floor: warm-up bursts, then
 * `BURSTS.count` bursts of `deliveries` at once for new issues (pooled: p99 of all samples, and
 * each burst's own p99), then `deliveries` paced at `ratePerSecond`.
 */
async function measure(generator: LoadGenerator, url: string, deliveries: number, ratePerSecond: number) {
  for (let i = 0; i < WARM_UP.bursts; i++) {
    await load(generator, url, deliveries, 0, 1 + 1000 * i);
  }
  const samples: { ms: number; status: number }[] = [];
  const perBurstP99: number[] = [];
  for (let i = 0; i < BURSTS.count; i++) {
    await new Promise((resolve) => setTimeout(resolve, BURSTS.pauseMs));
    const burst = await load(generator, url, deliveries, 0, 10_000 + 1000 * i);
    perBurstP99.push(summarise(burst).p99);
    samples.push(...burst);
  }
  const paced = await load(generator, url, deliveries, ratePerSecond, 100_000);
  return { burst: summarise(samples, perBurstP99), paced: summarise(paced) };
}

/** Set in the floor's cluster workers (see `measureFloor`). */
const FLOOR_WORKER = "SPECWRIGHT_BENCH_FLOOR_WORKER";

/** A node:http server that answers 200 without reading or checking anything. */
function listenAsFloor(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok\n"));
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/**
 * The same protocol against the floor: one such server in this process (`processes` 0), or
 * `processes` cluster workers sharing the port as Specwright's fronts do.
 */
async function measureFloor(
  generator: LoadGenerator,
  deliveries: number,
  ratePerSecond: number,
  processes: number,
) {
  if (processes === 0) {
    const server = await listenAsFloor(0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
    try {
      return await measure(generator, url, deliveries, ratePerSecond);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({
    exec: fileURLToPath(import.meta.url),
    execArgv: import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : [],
  });
  const workers = Array.from({ length: processes }, () => cluster.fork({ [FLOOR_WORKER]: "1" }));
  try {
    const ports = await Promise.all(
      workers.map((w) => new Promise<number>((resolve) => w.once("listening", (a) => resolve(a.port)))),
    );
    return await measure(
      generator,
      `http://127.0.0.1:${ports[0]}/api/github/webhooks`,
      deliveries,
      ratePerSecond,
    );
  } finally {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once("exit", resolve).kill())));
  }
}

async function countRun(body: string): Promise<{ total: number; byRoute: Map<string, number> }> {
  const github = createFakeGithub({ config: THIRTEEN_CONFIG, files: thirteenFiles() });
  const probot = createTestProbot();
  const engine = createScriptedEngine({ agents: THIRTEEN_AGENTS, agentDelayMs: 1 });
  const app = createSpecwrightApp({
    env: {},
    botLogin: "specwright[bot]",
    engine,
    progressIntervalMs: 60_000,
  });
  const server = await startWebhookServer(probot, app.app);
  try {
    const payload = webhookFixture<{ comment: { body: string } }>("issue-comment-on-issue");
    payload.comment.body = body;
    const text = JSON.stringify(payload);
    await postWebhook(server.url, {
      name: "issue_comment",
      id: randomUUID(),
      body: text,
      signature: signBody(text, WEBHOOK_SECRET),
    });
    await app.queue.onIdle();
    const byRoute = github.counts();
    for (const route of byRoute.keys()) if (route.includes("access_tokens")) byRoute.delete(route);
    return { total: [...byRoute.values()].reduce((a, b) => a + b, 0), byRoute };
  } finally {
    await server.close();
    github.close();
    nock.cleanAll();
  }
}

/** Runs both measurements and returns the figures. */
export async function runWebhookBench(options: WebhookBenchOptions = {}): Promise<WebhookBenchResult> {
  const deliveries = options.deliveries ?? 200;
  const ratePerSecond = options.ratePerSecond ?? 200;
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  const generator = prepareLoadGenerator();
  const processes = options.webhookProcesses ?? resolveWebhookProcesses("auto", availableParallelism());
  try {
    const floor = await measureFloor(generator, deliveries, ratePerSecond, 0);
    const floorShared =
      processes > 0 ? await measureFloor(generator, deliveries, ratePerSecond, processes) : undefined;
    const github = createFakeGithub({ config: THIRTEEN_CONFIG, files: thirteenFiles() });
    const probot = createTestProbot();
    const app = createSpecwrightApp({
      env: {},
      botLogin: "specwright[bot]",
      engine: createScriptedEngine({ agentDelayMs: options.agentDelayMs ?? 250 }),
      concurrency: options.concurrency ?? 8,
      progressIntervalMs: 1000,
    });
    const server = await startSpecwrightServer({
      probot,
      specwright: app,
      secret: WEBHOOK_SECRET,
      port: 0,
      host: "127.0.0.1",
      webhookProcesses: processes,
    });
    const { burst, paced } = await measure(generator, server.webhookUrl, deliveries, ratePerSecond);
    await Promise.race([
      server.whenReceived().then(() => app.queue.onIdle()),
      new Promise((r) => setTimeout(r, options.maxWaitMs ?? 180_000).unref()),
    ]);
    const stats = app.queue.stats();
    await server.close();
    github.close();
    nock.cleanAll();

    const named = await countRun(`/spec regenerate ${THIRTEEN_AGENTS.map((a) => a.name).join(" ")}`);
    const all = await countRun("/spec regenerate all");
    return {
      deliveries,
      burst,
      paced: { ...paced, ratePerSecond },
      floor,
      ...(floorShared === undefined ? {} : { floorShared }),
      webhookProcesses: processes,
      client:
        generator.note === undefined
          ? { kind: generator.kind }
          : { kind: generator.kind, note: generator.note },
      jobs: { succeeded: stats.succeeded, failed: stats.failed, unfinished: stats.queued + stats.running },
      runRequests: { named: named.total, all: all.total, byRoute: Object.fromEntries(all.byRoute) },
      naive: naiveRequests(),
    };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    rmSync(generator.dir, { recursive: true, force: true });
  }
}

function print(result: WebhookBenchResult): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const line = (l: AckLatency) =>
    `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  statuses ${JSON.stringify(l.statuses)}`;
  const client =
    result.client.kind === "native"
      ? "native client (bench/burst-client.c)"
      : `Node.js client: ${result.client.note ?? ""}; its own CPU inflates these figures`;
  const bursts = (l: AckLatency) => l.perBurstP99.map((p) => p.toFixed(1)).join(", ");
  const serving =
    result.webhookProcesses > 0
      ? `${result.webhookProcesses} webhook front processes (SPECWRIGHT_WEBHOOK_PROCESSES=auto on this machine)`
      : "served by the jobs process itself";
  console.log(
    `Webhook acknowledgement (Specwright's webhook server on 127.0.0.1, ${serving}; ${client} in its own process; jobs on a slow scripted engine)`,
  );
  console.log(
    `  burst: ${BURSTS.count} × ${result.deliveries} at once    ${line(result.burst)}  (target p99 < 50 ms)`,
  );
  console.log(`         p99 of each burst: ${bursts(result.burst)} ms`);
  console.log(
    `  paced: ${result.deliveries} at ${result.paced.ratePerSecond}/s         ${line(result.paced)}  (target p99 < 50 ms)`,
  );
  const floor = (label: string, f: { burst: AckLatency; paced: AckLatency }) =>
    console.log(
      `  ${label}: burst p50 ${ms(f.burst.p50)}  p99 ${ms(f.burst.p99)} (each: ${bursts(f.burst)}); ` +
        `paced p99 ${ms(f.paced.p99)}`,
    );
  floor("floor, a server that only answers 200 (this client on this machine)", result.floor);
  if (result.floorShared)
    floor(`floor served by ${result.webhookProcesses} processes sharing the port`, result.floorShared);
  console.log(
    `  jobs: ${result.jobs.succeeded} succeeded, ${result.jobs.failed} failed, ${result.jobs.unfinished} unfinished ` +
      `(incl. ${WARM_UP.bursts} warm-up bursts)`,
  );
  console.log("GitHub requests per full 13-spec + review run (installation token not counted)");
  console.log(
    `  agents named          ${result.runRequests.named}  (target ≤ 15): both branch heads in one GraphQL query; ` +
      "one GraphQL request creates the branch and commits all 14 files",
  );
  console.log(
    `  /spec regenerate all  ${result.runRequests.all}  (target ≤ 15): + one GraphQL commit per phase checkpoint ` +
      "(phases 1–3; phase 4 is in the final commit)",
  );
  for (const [route, n] of Object.entries(result.runRequests.byRoute))
    console.log(`      ${String(n).padStart(2)}  ${route}`);
  const naive = result.naive;
  console.log(
    `  naive per-file client ${naive.total}  (${naive.perFile} contents GET+PUT for 14 files, ${naive.progress} progress comments, ` +
      `${naive.fixed} fixed) → ${(naive.total / result.runRequests.all).toFixed(1)}× ours (all)`,
  );
}

if (cluster.isWorker && process.env[FLOOR_WORKER] === "1") {
  await listenAsFloor(0);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args[0] === "--client") {
    await runNodeClient(args[1] ?? "", Number(args[2]), Number(args[3]), Number(args[4]), Number(args[5]));
  } else {
    // `--webhook-processes N` measures Specwright with N front processes (0: served in-process).
    const at = args.indexOf("--webhook-processes");
    print(await runWebhookBench(at === -1 ? {} : { webhookProcesses: Number(args[at + 1]) }));
  }
}
