import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDeliveryActivity } from "../../../src/adapters/queue/create-delivery-activity.js";
import type { Acceptance, VerifiedDelivery } from "../../../src/server/create-delivery-inbox.js";
import { FRONT_NODE_FLAGS } from "../../../src/server/front/front-node-flags.js";
import { startWebhookFronts, type WebhookFronts } from "../../../src/server/front/start-webhook-fronts.js";
import { postWebhook, signBody } from "../../helpers/probot-server.js";

// Real front processes: node:cluster workers running the TypeScript source through tsx.
const SECRET = "fronts-test-secret";
let fronts: WebhookFronts | undefined;
const open: Socket[] = [];
afterEach(async () => {
  for (const socket of open.splice(0)) socket.destroy();
  await fronts?.close();
  fronts = undefined;
});

async function start(count: number, port = 0, acceptDelayMs = 0) {
  const activity = createDeliveryActivity();
  const accepted: string[] = [];
  const deferred: string[] = [];
  const logged: string[] = [];
  fronts = await startWebhookFronts({
    count,
    secret: SECRET,
    path: "/hooks",
    port,
    host: "127.0.0.1",
    inbox: {
      accept: async (d: VerifiedDelivery): Promise<Acceptance> => {
        accepted.push(d.id);
        await new Promise((resolve) => setTimeout(resolve, acceptDelayMs));
        return { kind: "handled", outcome: { status: "ignored", reason: `got ${d.id}` } };
      },
      defer: (d: VerifiedDelivery) => void deferred.push(d.id),
    },
    activity,
    log: {
      info: (message) => logged.push(message),
      warn: (_, message) => logged.push(message),
      error: (_, message) => logged.push(message),
    },
    restartDelayMs: 20,
  });
  const url = `http://127.0.0.1:${fronts.address.port}/hooks`;
  const deliver = (id: string, secret = SECRET) =>
    postWebhook(url, { name: "issues", id, body: "{}", signature: signBody("{}", secret) });
  return { activity, accepted, deferred, logged, url, deliver };
}

const frontCount = () => Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected()).length;

describe("startWebhookFronts", () => {
  it("serves the port from every front, answers with the inbox's outcome and passes on rejections to the log", async () => {
    const { accepted, logged, deliver } = await start(2);
    expect(frontCount()).toBe(2);
    for (const worker of Object.values(cluster.workers ?? {})) {
      expect(worker?.process.spawnargs).toEqual(expect.arrayContaining([...FRONT_NODE_FLAGS]));
    }
    const answers: string[] = [];
    for (const id of ["a", "b", "c"]) answers.push(await (await deliver(id)).text());
    expect(answers).toEqual(["ignored: got a\n", "ignored: got b\n", "ignored: got c\n"]);
    expect([...accepted].sort()).toEqual(["a", "b", "c"]);

    const forged = await deliver("forged", "wrong-secret");
    expect(forged.status).toBe(401);
    await expect.poll(() => logged).toContain("webhook rejected: signature does not match");
    expect(logged).toContain("2 webhook front processes share port " + String(fronts?.address.port));
  });

  it("replaces a front that dies and keeps serving", async () => {
    const { logged, deliver } = await start(2);
    const victim = Object.values(cluster.workers ?? {})[0];
    victim?.process.kill("SIGKILL");
    await expect
      .poll(() => logged.some((m) => m.includes("webhook front failed: exited (SIGKILL)")))
      .toBe(true);
    await expect.poll(() => frontCount(), { timeout: 10_000 }).toBe(2);
    expect((await deliver("after")).status).toBe(200);
    // Closed at once, though the new front may still be starting: it must not need killing.
    const closing = Date.now();
    await fronts?.close();
    fronts = undefined;
    expect(Date.now() - closing).toBeLessThan(4000);
  });

  it("marks a front busy here while it has a delivery in flight, and hands a delivery over before answering 202", async () => {
    const { activity, deferred, logged, url, deliver } = await start(1);
    const held = connect(Number(new URL(url).port), "127.0.0.1");
    open.push(held);
    await expect.poll(() => activity.inFlight).toBe(1);

    const answer = await deliver("deferred");
    expect([answer.status, await answer.text()]).toEqual([
      202,
      "accepted: handled once the deliveries arriving with it are answered\n",
    ]);
    // The front dies right after answering: the delivery is this process's already.
    Object.values(cluster.workers ?? {})[0]?.process.kill("SIGKILL");
    await expect.poll(() => logged.some((m) => m.includes("exited (SIGKILL)"))).toBe(true);
    expect(deferred).toEqual(["deferred"]);
    await expect.poll(() => activity.inFlight).toBe(0);
  });

  it("is idle only once every delivery a front has answered has been read here", async () => {
    const { accepted, deferred, url } = await start(1);
    // Another process delivers while this one is blocked (spawnSync), so the front's messages
    // (busy, the batch, idle) wait unread in the channel when whenIdle is asked. Its first
    // connection sends a request without its body: the front stays busy until it closes, so the
    // deliveries are batched and answered 202.
    const client = `
      const [url, body, signature, ids] = process.argv.slice(1);
      const { port, pathname } = new URL(url);
      const held = require("node:net").connect(Number(port), "127.0.0.1");
      held.on("connect", async () => {
        const head = ["POST " + pathname + " HTTP/1.1", "host: x", "content-type: application/json",
          "content-length: 10", "x-github-event: issues", "x-github-delivery: held", "x-hub-signature-256: " + signature];
        held.write(head.join("\\r\\n") + "\\r\\n\\r\\n");
        const headers = { "content-type": "application/json", "x-github-event": "issues", "x-hub-signature-256": signature };
        const send = (id) => fetch(url, { method: "POST", headers: { ...headers, "x-github-delivery": id }, body });
        const statuses = await Promise.all(JSON.parse(ids).map((id) => send(id).then((r) => r.status)));
        held.destroy();
        console.log(JSON.stringify(statuses));
      });`;
    const ids = ["b1", "b2", "b3"];
    const args = ["-e", client, url, "{}", signBody("{}", SECRET), JSON.stringify(ids)];
    const run = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 10_000 });
    expect({ status: run.status, stderr: run.stderr, stdout: run.stdout.trim() }).toEqual({
      status: 0,
      stderr: "",
      stdout: "[202,202,202]",
    });
    expect(deferred).toEqual([]);
    await fronts?.whenIdle();
    expect([...deferred].sort()).toEqual(ids);
    expect(accepted).toEqual([]);
  });

  it("lets an answer under way finish when it closes", async () => {
    const { accepted, deliver } = await start(1, 0, 300);
    const answer = deliver("slow");
    await expect.poll(() => accepted).toEqual(["slow"]);
    const closed = fronts?.close();
    fronts = undefined;
    const response = await answer;
    expect([response.status, await response.text()]).toEqual([200, "ignored: got slow\n"]);
    await closed;
  });

  it("fails to start, saying so, when the port is taken, and leaves no front running", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(start(2, port)).rejects.toThrow(`Port ${port} is already in use`);
      await expect.poll(() => frontCount()).toBe(0);
    } finally {
      taken.close();
    }
  });
});
