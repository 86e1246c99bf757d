/**
 * Benchmark of the GitHub App's webhook path and GitHub request budget, not a test.
 *
 * 1. Acknowledgement latency under load: the real webhook server (Probot's node middleware on a
 *    node:http server on 127.0.0.1) receives correctly signed `issues.labeled` deliveries for
 *    distinct issues while the jobs they start run against a slow scripted engine (each agent
 *    "thinks" for `agentDelayMs`) and a fake GitHub (nock, in the server's process). The deliveries
 *    come from a separate client process (this file with `--client`), as GitHub's would: after a
 *    warm-up, `deliveries` requests all at once ("burst": every request in flight together), then
 *    `deliveries` more paced at `ratePerSecond`. Reports p50/p99/max of the time to the HTTP
 *    answer. Target: p99 < 50 ms (handlers only validate and enqueue; the work is queued).
 * 2. GitHub requests per full 13-spec + review run (`/spec regenerate` of 13 agents in 4 phases),
 *    counted through nock: with the agents named (one commit) and with `all` (a checkpoint commit
 *    per phase). Target: ≤ 15. Compared with a naive per-file client (see `naiveRequests`).
 *
 * Bounded: loopback only, fixed numbers of deliveries, and it stops once the queue is idle (or
 * after `maxWaitMs`). Run: `npx tsx bench/webhook-bench.ts`. Prints figures; no assertions.
 */
import { execFile } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { request, Agent } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import nock from "nock";
import { createSpecwrightApp } from "../src/app.js";
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
}

/** Latency percentiles of one load pattern, in milliseconds. */
export interface AckLatency {
  p50: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
}

/** What the benchmark measured. */
export interface WebhookBenchResult {
  deliveries: number;
  burst: AckLatency;
  paced: AckLatency & { ratePerSecond: number };
  jobs: { succeeded: number; failed: number; unfinished: number };
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

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Client mode: sends signed deliveries over keep-alive connections and prints the latencies as JSON. */
async function runClient(
  url: string,
  count: number,
  ratePerSecond: number,
  firstIssue: number,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1000 });
  const target = new URL(url);
  const bodies = Array.from({ length: count }, (_, i) => {
    const payload = webhookFixture<{ issue: { number: number; title: string } }>("issues-labeled");
    payload.issue.number = firstIssue + i;
    payload.issue.title = `Feature ${firstIssue + i}`;
    return JSON.stringify(payload);
  });
  const signatures = bodies.map(
    (b) => `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(b).digest("hex")}`,
  );
  const send = (i: number) =>
    new Promise<{ ms: number; status: number }>((resolve, reject) => {
      const body = bodies[i] as string;
      const started = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-github-event": "issues",
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": signatures[i] as string,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const gap = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  const results = await Promise.all(
    bodies.map((_, i) =>
      gap === 0 ? send(i) : new Promise<void>((r) => setTimeout(r, i * gap)).then(() => send(i)),
    ),
  );
  agent.destroy();
  process.stdout.write(JSON.stringify(results));
}

/** Runs the client in its own process and summarises what it measured. */
function load(url: string, count: number, ratePerSecond: number, firstIssue: number): Promise<AckLatency> {
  const self = fileURLToPath(import.meta.url);
  const args = [
    "--import",
    "tsx",
    self,
    "--client",
    url,
    String(count),
    String(ratePerSecond),
    String(firstIssue),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      if (error) return reject(error);
      const results = JSON.parse(stdout) as { ms: number; status: number }[];
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const statuses: Record<number, number> = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      resolve({
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
        statuses,
      });
    });
  });
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
  try {
    const github = createFakeGithub({ config: THIRTEEN_CONFIG, files: thirteenFiles() });
    const probot = createTestProbot();
    const app = createSpecwrightApp({
      env: {},
      botLogin: "specwright[bot]",
      engine: createScriptedEngine({ agentDelayMs: options.agentDelayMs ?? 250 }),
      concurrency: options.concurrency ?? 8,
      progressIntervalMs: 1000,
    });
    const server = await startWebhookServer(probot, app.app);
    await load(server.url, 20, 0, 1);
    const burst = await load(server.url, deliveries, 0, 1000);
    const paced = await load(server.url, deliveries, ratePerSecond, 5000);
    await Promise.race([
      app.queue.onIdle(),
      new Promise((r) => setTimeout(r, options.maxWaitMs ?? 60_000).unref()),
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
      jobs: { succeeded: stats.succeeded, failed: stats.failed, unfinished: stats.queued + stats.running },
      runRequests: { named: named.total, all: all.total, byRoute: Object.fromEntries(named.byRoute) },
      naive: naiveRequests(),
    };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
  }
}

function print(result: WebhookBenchResult): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const line = (l: AckLatency) =>
    `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  statuses ${JSON.stringify(l.statuses)}`;
  console.log(
    "Webhook acknowledgement (Probot node middleware on 127.0.0.1; client in its own process; jobs on a slow scripted engine)",
  );
  console.log(`  burst: ${result.deliveries} at once          ${line(result.burst)}  (target p99 < 50 ms)`);
  console.log(
    `  paced: ${result.deliveries} at ${result.paced.ratePerSecond}/s         ${line(result.paced)}  (target p99 < 50 ms)`,
  );
  console.log(
    `  jobs: ${result.jobs.succeeded} succeeded, ${result.jobs.failed} failed, ${result.jobs.unfinished} unfinished (incl. 20 warm-up)`,
  );
  console.log("GitHub requests per full 13-spec + review run (installation token not counted)");
  console.log(
    `  agents named          ${result.runRequests.named}  (target ≤ 15): one tree + commit + ref for all 14 files`,
  );
  console.log(
    `  /spec regenerate all  ${result.runRequests.all}  (+ one tree + commit + ref per phase checkpoint, 4 phases)`,
  );
  for (const [route, n] of Object.entries(result.runRequests.byRoute))
    console.log(`      ${String(n).padStart(2)}  ${route}`);
  const naive = result.naive;
  console.log(
    `  naive per-file client ${naive.total}  (${naive.perFile} contents GET+PUT for 14 files, ${naive.progress} progress comments, ` +
      `${naive.fixed} fixed) → ${(naive.total / result.runRequests.named).toFixed(1)}× ours`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args[0] === "--client") {
    await runClient(args[1] ?? "", Number(args[2]), Number(args[3]), Number(args[4]));
  } else {
    print(await runWebhookBench());
  }
}
