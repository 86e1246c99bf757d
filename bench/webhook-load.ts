/**
 * The load side of bench/webhook-bench.ts (not product code): builds signed `issues.labeled`
 * deliveries as raw HTTP/1.1 requests and sends them from a process of their own, each on a new
 * connection as GitHub's would: the native client `bench/burst-client.c` (compiled here with `cc`;
 * see its header for why), or this file run with `--client` when there is no C compiler.
 */
import { execFile, spawnSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { webhookFixture, WEBHOOK_SECRET } from "../test/helpers/probot-test-app.js";

/** One answered request: milliseconds from its connect to the first bytes of the answer. */
export interface Sample {
  ms: number;
  status: number;
}

/** `count` signed `issues.labeled` deliveries for issues `firstIssue…`, as raw HTTP/1.1 requests. */
function buildRequests(url: string, count: number, firstIssue: number): Buffer[] {
  const target = new URL(url);
  // Read once; each request gets its own copy.
  const fixture = webhookFixture<{ issue: { number: number; title: string } }>("issues-labeled");
  return Array.from({ length: count }, (_, i) => {
    const payload = structuredClone(fixture);
    payload.issue.number = firstIssue + i;
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
async function runNodeClient(url: string, count: number, ratePerSecond: number, firstIssue: number) {
  const target = new URL(url);
  const requests = buildRequests(url, count, firstIssue);
  const sockets: Socket[] = [];
  const send = (i: number) =>
    new Promise<Sample>((resolve, reject) => {
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

/** Sends loads: the native client when it compiles, else the Node.js one (see the file header). */
export interface LoadGenerator {
  kind: "native" | "node";
  /** Why the native client is not used. */
  note?: string;
  /**
   * Sends `count` deliveries for issues `firstIssue…` to `url`, all at once (`ratePerSecond`
   * 0) or paced, from a process of its own, and resolves to their samples.
   */
  load(url: string, count: number, ratePerSecond: number, firstIssue: number): Promise<Sample[]>;
  /**
   * Builds and signs the requests of the loads to come now, so that no request building (and
   * none of its garbage collection) shares the machine with a measured burst.
   */
  prepare(url: string, count: number, firstIssues: readonly number[]): void;
  /** Removes the compiled client and request files. */
  dispose(): void;
}

/** `bench/burst-client.c` compiled into a temporary folder, or the Node.js client when it cannot be. */
export function prepareLoadGenerator(): LoadGenerator {
  const dir = mkdtempSync(join(tmpdir(), "specwright-bench-"));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const run = (file: string, args: string[]) =>
    new Promise<Sample[]>((resolve, reject) => {
      execFile(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
        if (error) return reject(error);
        resolve(JSON.parse(stdout) as Sample[]);
      });
    });
  const nodeClient = (note: string): LoadGenerator => ({
    kind: "node",
    note,
    dispose,
    // This client builds its requests in its own process, before it connects.
    prepare: () => undefined,
    load: (url, count, ratePerSecond, firstIssue) =>
      run(process.execPath, [
        ...(import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : []),
        fileURLToPath(import.meta.url),
        "--client",
        url,
        String(count),
        String(ratePerSecond),
        String(firstIssue),
      ]),
  });

  const source = [
    fileURLToPath(new URL("./burst-client.c", import.meta.url)),
    fileURLToPath(new URL("../../bench/burst-client.c", import.meta.url)),
  ].find((path) => existsSync(path));
  if (source === undefined) return nodeClient("bench/burst-client.c not found");
  const binary = join(dir, "burst-client");
  const build = spawnSync("cc", ["-O2", "-o", binary, source], { encoding: "utf8" });
  if (build.status !== 0) {
    const why = build.error ? build.error.message : build.stderr.trim().split("\n")[0];
    return nodeClient(`no native client (cc: ${why})`);
  }
  const fileOf = (url: string, count: number, firstIssue: number) =>
    join(dir, `requests-${new URL(url).port}-${count}-${firstIssue}.bin`);
  const prepare = (url: string, count: number, firstIssue: number) => {
    const path = fileOf(url, count, firstIssue);
    if (!existsSync(path)) writeRequestsFile(path, buildRequests(url, count, firstIssue));
    return path;
  };
  return {
    kind: "native",
    dispose,
    prepare(url, count, firstIssues) {
      for (const firstIssue of firstIssues) prepare(url, count, firstIssue);
    },
    load(url, count, ratePerSecond, firstIssue) {
      const requests = prepare(url, count, firstIssue);
      const gapMs = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
      return run(binary, [new URL(url).port, requests, String(gapMs)]).finally(() =>
        rmSync(requests, { force: true }),
      );
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv[2] === "--client") {
  const [url, count, rate, first] = process.argv.slice(3);
  await runNodeClient(url ?? "", Number(count), Number(rate), Number(first));
}
