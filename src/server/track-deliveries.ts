import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { DeliveryActivity } from "../adapters/queue/create-delivery-activity.js";

/**
 * How long a new connection counts as a delivery in flight before its request arrives: long
 * enough for any real client, short enough that an idle or malicious connection does not hold
 * job work back for long.
 */
const FIRST_REQUEST_WITHIN_MS = 1000;

/**
 * Reports what `server` is answering to `activity`: a new connection counts from its accept
 * (its request may not be parsed yet) until its first answer, its close, or
 * `FIRST_REQUEST_WITHIN_MS` without a request; every later request on a kept-alive connection
 * counts from its start until its answer or the connection's close (a pipelined request whose
 * connection dies before its turn is never answered: only the close ends it).
 */
export function trackDeliveries(server: Server, activity: DeliveryActivity): void {
  const awaitingFirstRequest = new WeakMap<Socket, () => void>();

  server.on("connection", (socket: Socket) => {
    const end = activity.begin();
    const timer = setTimeout(() => {
      awaitingFirstRequest.delete(socket);
      end();
    }, FIRST_REQUEST_WITHIN_MS);
    timer.unref();
    const stop = () => {
      clearTimeout(timer);
      end();
    };
    awaitingFirstRequest.set(socket, stop);
    socket.once("close", stop);
  });

  // First in line, so the answer's `close` is watched whatever the handler does synchronously.
  server.prependListener("request", (request, response) => {
    const socket = request.socket;
    const fromConnection = awaitingFirstRequest.get(socket);
    awaitingFirstRequest.delete(socket);
    const end = fromConnection ?? activity.begin();
    const onSocketClose = () => end();
    socket.once("close", onSocketClose);
    response.once("close", () => {
      socket.off("close", onSocketClose);
      end();
    });
  });
}
