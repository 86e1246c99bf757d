import {
  createDeliveryActivity,
  type DeliveryActivity,
} from "../../adapters/queue/create-delivery-activity.js";
import { createIdleCollector } from "./create-idle-collector.js";
import type { FrontMessage } from "./front-messages.js";

/** Options of `createFrontActivity`. */
export interface FrontActivityOptions {
  /** Sends a message to the process running the jobs. */
  send(message: FrontMessage): void;
  /**
   * V8's collector, there when the front runs with `--expose-gc` (`FRONT_NODE_FLAGS`); without
   * it, garbage collection is left to V8.
   */
  gc?: NodeJS.GCFunction | undefined;
  /** Told when collecting fails. */
  onCollectError?: (error: unknown) => void;
}

/**
 * A webhook front's deliveries in flight. Each change between none and some is reported to the
 * jobs process, which holds job work while a front is busy; and, with `gc`, the front collects
 * its young generation once it has been idle a moment (`createIdleCollector`).
 */
export function createFrontActivity(options: FrontActivityOptions): DeliveryActivity {
  const { send, gc } = options;
  const collectWhenIdle =
    gc === undefined
      ? undefined
      : createIdleCollector({
          collect: () => gc({ type: "minor" }),
          ...(options.onCollectError === undefined ? {} : { onError: options.onCollectError }),
        });
  return createDeliveryActivity({
    onBusyChange: (busy) => {
      send({ type: "busy", busy });
      collectWhenIdle?.(busy);
    },
  });
}
