import { z } from "zod";
import type { HandlerOutcome } from "../../handlers/handler-types.js";
import type { Acceptance, VerifiedDelivery } from "../create-delivery-inbox.js";

/**
 * What a webhook front process and the process running the jobs say to each other over the
 * cluster's IPC channel. Both sides validate what they receive: a message that does not fit is
 * reported and dropped, never half-used.
 */

/** One delivery handed over (validated one by one: a bad one must not cost the others). */
export const verifiedDeliverySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  body: z.string(),
});

const outcome = z.union([
  z.object({ status: z.literal("ignored"), reason: z.string() }),
  z.object({
    status: z.enum(["queued", "coalesced", "duplicate-delivery"]),
    jobId: z.string(),
    key: z.string(),
  }),
]);

const acceptance = z.union([
  z.object({ kind: z.literal("handled"), outcome }),
  z.object({ kind: z.literal("deferred"), ahead: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("invalid-json") }),
]);

/** True when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Compile-time: the schemas cover exactly the app's own types, so a new outcome or acceptance
// kind fails the build here instead of being refused on the wire.
const sameShapes: [
  Same<z.infer<typeof verifiedDeliverySchema>, VerifiedDelivery>,
  Same<z.infer<typeof outcome>, HandlerOutcome>,
  Same<z.infer<typeof acceptance>, Acceptance>,
] = [true, true, true];
void sameShapes;

/** Front → jobs process. */
export const frontMessageSchema = z.discriminatedUnion("type", [
  /** The front's first delivery in flight started (`true`) or its last one ended (`false`). */
  z.object({ type: z.literal("busy"), busy: z.boolean() }),
  /** Deliveries answered 202 once this message is sent: receive them in this order. */
  z.object({ type: z.literal("deliveries"), deliveries: z.array(z.unknown()) }),
  /** A lone delivery: receive it and say what became of it (answered with `seq`). */
  z.object({ type: z.literal("delivery"), seq: z.number().int(), delivery: z.unknown() }),
  /** A delivery the front rejected or failed on, for the app's log. */
  z.object({
    type: z.literal("log"),
    level: z.enum(["warn", "error"]),
    details: z.record(z.string(), z.unknown()),
    message: z.string(),
  }),
  /** The front could not start (e.g. the port is taken) and is exiting. */
  z.object({ type: z.literal("fatal"), message: z.string() }),
  /** The front hears the jobs process from now on (a message sent to it earlier may be lost). */
  z.object({ type: z.literal("ready") }),
  /** The answer to `sync` `id`: everything the front sent before it is in the channel ahead of this. */
  z.object({ type: z.literal("synced"), id: z.number().int() }),
]);
export type FrontMessage = z.infer<typeof frontMessageSchema>;

/** Jobs process → front. */
export const primaryMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("acceptance"), seq: z.number().int(), acceptance }),
  /** Receiving the delivery `seq` threw: the front answers 500. */
  z.object({ type: z.literal("failed"), seq: z.number().int(), message: z.string() }),
  /** Stop accepting, close every connection, send what is batched, exit. */
  z.object({ type: z.literal("close") }),
  /** Answer `synced` with this `id` (the channel keeps the order: a barrier). */
  z.object({ type: z.literal("sync"), id: z.number().int() }),
]);
export type PrimaryMessage = z.infer<typeof primaryMessageSchema>;
