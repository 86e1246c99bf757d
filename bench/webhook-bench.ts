/**
 * Benchmark of the GitHub App's webhook path and GitHub request budget, not a test.
 *
 * 1. Acknowledgement latency under load: Specwright's webhook server (what `npm start` runs:
 *    `startSpecwrightServer` on 127.0.0.1, with the webhook front processes `auto` picks on this
 *    machine, or `--webhook-processes N`) runs in a process of its own (see
 *    `webhook-server-under-test.ts`) and receives correctly signed `issues.labeled` deliveries,
 *    each for a new issue, while the jobs they start run against a slow scripted engine and a fake
 *    GitHub. The deliveries come from a separate load-generator process, each on a new connection
 *    as GitHub's would (see `webhook-load.ts`). After `WARM_UP.bursts` bursts that warm the server
 *    up (their figures are printed apart), `BURSTS.count` bursts of `deliveries` requests all at
 *    once (every request in flight together; jobs run in the pauses between them), then
 *    `deliveries` more paced at `ratePerSecond`. Reports p50/p99/max of the time to the HTTP answer
 *    over all measured burst deliveries and each burst's own p99, next to the same protocol against
 *    a server that only answers 200 (the floor of this machine), in one process and in as many
 *    processes as the fronts, sharing the port as they do. Target: p99 < 50 ms (handlers only
 *    validate and enqueue).
 * 2. GitHub requests per full 13-spec + review run (`/spec regenerate` of 13 agents in 4 phases),
 *    counted through nock: with the agents named (one commit) and with `all` (a checkpoint commit
 *    after each phase but the last, whose specs go into the final commit). Target: ≤ 15.
 *    Compared with a naive per-file client (see `naiveRequests`).
 *
 * Bounded: loopback only, fixed numbers of deliveries, and it stops once the queue is idle (or
 * after `maxWaitMs`). Run: `npx tsx bench/webhook-bench.ts` (or `npm run bench`). Prints figures; no assertions.
 */
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import nock from "nock";
import { createSpecwrightApp } from "../src/app.js";
import { resolveWebhookProcesses } from "../src/server/read-server-env.js";
import { createFakeGithub } from "../test/helpers/probot-fake-github.js";
import { postWebhook, signBody, startWebhookServer } from "../test/helpers/probot-server.js";
import { createTestProbot, webhookFixture, WEBHOOK_SECRET } from "../test/helpers/probot-test-app.js";
import { THIRTEEN_AGENTS, THIRTEEN_CONFIG, thirteenFiles } from "../test/helpers/probot-thirteen.js";
import { createScriptedEngine } from "../test/helpers/scripted-engine.js";
import { prepareLoadGenerator, type LoadGenerator, type Sample } from "./webhook-load.js";
import { startServerUnderTest, type JobCounts, type ServerSpec } from "./webhook-server-under-test.js";

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

/** What one server measured: warm-up, bursts, paced. */
export interface Measured {
  /** Each warm-up burst's p99, the first one right after start (not in the figures). */
  warmUpP99: number[];
  burst: AckLatency;
  paced: AckLatency;
}

/** What the benchmark measured. */
export interface WebhookBenchResult {
  deliveries: number;
  specwright: Measured;
  ratePerSecond: number;
  /** The same load against a server that only answers 200, in one process. */
  floor: Measured;
  /** The same, served by as many processes as Specwright's fronts (when it has any). */
  floorShared?: Measured;
  /** Webhook front processes Specwright's server ran with (0: it served the port itself). */
  webhookProcesses: number;
  /** Which load generator measured (`native`: bench/burst-client.c), and why not native. */
  client: { kind: "native" | "node"; note?: string };
  jobs: JobCounts;
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
 * Bursts before measuring, like the measured ones (each delivery for a new issue, so each starts
 * a job): a server whose code is warm, as a long-running one's is. Each front sees only its share
 * of them; with the fronts' interrupt budget (`FRONT_NODE_FLAGS`) `--trace-opt` shows V8's
 * compiling over after about 6 bursts, with Node's default it went on past 15.
 */
const WARM_UP = { bursts: 15 };
/** Measured bursts (pooled for the percentiles) and the pause between them, while jobs run. */
const BURSTS = { count: 5, pauseMs: 250 };
/**
 * First issue numbers of the warm-up, measured and paced deliveries; each burst takes the next
 * `deliveries` numbers, so no delivery coalesces with another.
 */
const ISSUES = { warmUp: 1_000_000, bursts: 10_000, paced: 100_000 };

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

function summarise(samples: readonly Sample[], perBurstP99: number[] = []): AckLatency {
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
async function measure(
  generator: LoadGenerator,
  url: string,
  deliveries: number,
  ratePerSecond: number,
): Promise<Measured> {
  const firstIssues = (first: number, bursts: number) =>
    Array.from({ length: bursts }, (_, i) => first + deliveries * i);
  generator.prepare(url, deliveries, [
    ...firstIssues(ISSUES.warmUp, WARM_UP.bursts),
    ...firstIssues(ISSUES.bursts, BURSTS.count),
    ISSUES.paced,
  ]);
  const warmUpP99: number[] = [];
  for (let i = 0; i < WARM_UP.bursts; i++) {
    await new Promise((resolve) => setTimeout(resolve, BURSTS.pauseMs));
    warmUpP99.push(summarise(await generator.load(url, deliveries, 0, ISSUES.warmUp + deliveries * i)).p99);
  }
  const samples: Sample[] = [];
  const perBurstP99: number[] = [];
  for (let i = 0; i < BURSTS.count; i++) {
    await new Promise((resolve) => setTimeout(resolve, BURSTS.pauseMs));
    const burst = await generator.load(url, deliveries, 0, ISSUES.bursts + deliveries * i);
    perBurstP99.push(summarise(burst).p99);
    samples.push(...burst);
  }
  const paced = await generator.load(url, deliveries, ratePerSecond, ISSUES.paced);
  return { warmUpP99, burst: summarise(samples, perBurstP99), paced: summarise(paced) };
}

/** Starts `spec` in its own process, measures it, and stops it. */
async function measureServer(
  generator: LoadGenerator,
  spec: ServerSpec,
  options: { deliveries: number; ratePerSecond: number; maxWaitMs: number },
): Promise<Measured & { jobs: JobCounts }> {
  const server = await startServerUnderTest(spec);
  let jobs: JobCounts | undefined;
  try {
    const measured = await measure(generator, server.url, options.deliveries, options.ratePerSecond);
    jobs = await server.finish(options.maxWaitMs);
    return { ...measured, jobs };
  } finally {
    if (jobs === undefined) await server.finish(0).catch(() => undefined);
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
  // The warm-up and measured bursts start 4,000 jobs, about 130 s of work at concurrency 8.
  const load = { deliveries, ratePerSecond, maxWaitMs: options.maxWaitMs ?? 300_000 };
  const generator = prepareLoadGenerator();
  const processes = options.webhookProcesses ?? resolveWebhookProcesses("auto", availableParallelism());
  try {
    // Served as Specwright serves: as fronts do when it has fronts.
    const asFronts = processes > 0;
    const floor = await measureServer(generator, { kind: "floor", processes: 0, asFronts }, load);
    const floorShared =
      processes > 0
        ? await measureServer(generator, { kind: "floor", processes, asFronts }, load)
        : undefined;
    const { jobs, ...specwright } = await measureServer(
      generator,
      {
        kind: "specwright",
        webhookProcesses: processes,
        agentDelayMs: options.agentDelayMs ?? 250,
        concurrency: options.concurrency ?? 8,
      },
      load,
    );

    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    const named = await countRun(`/spec regenerate ${THIRTEEN_AGENTS.map((a) => a.name).join(" ")}`);
    const all = await countRun("/spec regenerate all");
    return {
      deliveries,
      specwright,
      ratePerSecond,
      floor,
      ...(floorShared === undefined ? {} : { floorShared }),
      webhookProcesses: processes,
      client:
        generator.note === undefined
          ? { kind: generator.kind }
          : { kind: generator.kind, note: generator.note },
      jobs,
      runRequests: { named: named.total, all: all.total, byRoute: Object.fromEntries(all.byRoute) },
      naive: naiveRequests(),
    };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    generator.dispose();
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
  const warmUp = (m: Measured) =>
    `${m.warmUpP99.length} bursts, p99 ${m.warmUpP99[0]?.toFixed(1) ?? "-"} ms for the first after start, ` +
    `then ${m.warmUpP99
      .slice(1)
      .map((p) => p.toFixed(1))
      .join(", ")} ms`;
  const s = result.specwright;
  console.log(
    `Webhook acknowledgement (Specwright's webhook server on 127.0.0.1 in its own process, ${serving}; ${client} in its own process; jobs on a slow scripted engine)`,
  );
  console.log(`  warm-up: ${warmUp(s)} (not in the figures below)`);
  console.log(
    `  burst: ${BURSTS.count} × ${result.deliveries} at once    ${line(s.burst)}  (target p99 < 50 ms)`,
  );
  console.log(`         p99 of each burst: ${bursts(s.burst)} ms`);
  console.log(
    `  paced: ${result.deliveries} at ${result.ratePerSecond}/s         ${line(s.paced)}  (target p99 < 50 ms)`,
  );
  const floor = (label: string, f: Measured) =>
    console.log(
      `  ${label}: burst p50 ${ms(f.burst.p50)}  p99 ${ms(f.burst.p99)} (each: ${bursts(f.burst)}); ` +
        `paced p99 ${ms(f.paced.p99)}; first warm-up burst p99 ${ms(f.warmUpP99[0] ?? 0)}`,
    );
  const runAs = result.webhookProcesses > 0 ? ", run as the fronts are" : "";
  floor(`floor, a server that only answers 200 (this client on this machine${runAs})`, result.floor);
  if (result.floorShared)
    floor(
      result.webhookProcesses === 1
        ? "floor served by 1 cluster worker, as the front"
        : `floor served by ${result.webhookProcesses} processes sharing the port`,
      result.floorShared,
    );
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // `--webhook-processes N` measures Specwright with N front processes (0: served in-process).
  const args = process.argv.slice(2);
  const at = args.indexOf("--webhook-processes");
  print(await runWebhookBench(at === -1 ? {} : { webhookProcesses: Number(args[at + 1]) }));
}
