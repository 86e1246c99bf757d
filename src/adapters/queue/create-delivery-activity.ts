/** Options of `createDeliveryActivity`. */
export interface DeliveryActivityOptions {
  /**
   * The longest `whenQuiet` holds job work back while deliveries keep arriving (default 250 ms),
   * so sustained traffic (or a connection that never sends its request) slows jobs down but
   * never stops them.
   */
  maxHoldMs?: number;
  /**
   * How long no delivery must have been in flight before job work resumes (default 15 ms): the
   * connections of one burst arrive in batches, and job work squeezed in between two batches
   * would delay the second.
   */
  quietMs?: number;
  /**
   * Told when the first delivery starts (`true`) and when the last one in flight ends
   * (`false`): how a webhook front process reports its bursts to the process running the jobs.
   */
  onBusyChange?: (busy: boolean) => void;
}

/** Which webhook deliveries are being received or answered right now. */
export interface DeliveryActivity {
  /**
   * Marks one delivery (or a new connection about to carry one) as in flight; the returned
   * function ends it and may be called any number of times.
   */
  begin(): () => void;
  /**
   * Resolves on a later turn of the event loop once no delivery has been in flight for
   * `quietMs`, or after `maxHoldMs` at the latest: what job work awaits before it uses the CPU.
   */
  whenQuiet(): Promise<void>;
  readonly inFlight: number;
  /** Job work waiting in `whenQuiet` right now. */
  readonly waiting: number;
}

/**
 * Gives webhook acknowledgements priority over job work in one process. The webhook server
 * reports each connection and request (`begin`, and the end when the answer is sent); jobs await
 * `whenQuiet` before they start and before each GitHub request. A burst of deliveries is then
 * answered first and the jobs it queued run after it, instead of interleaving with it and
 * delaying every answer. Waiting costs nothing while busy: waiters are released by a timer set
 * when the count drops to zero (or by their own `maxHoldMs` timer), never by polling.
 */
export function createDeliveryActivity(options: DeliveryActivityOptions = {}): DeliveryActivity {
  const maxHoldMs = options.maxHoldMs ?? 250;
  const quietMs = options.quietMs ?? 15;
  for (const [name, value] of [
    ["maxHoldMs", maxHoldMs],
    ["quietMs", quietMs],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative number, got ${value}`);
    }
  }
  let inFlight = 0;
  /** When the last delivery in flight ended (`performance.now()`). */
  let lastEndAt = Number.NEGATIVE_INFINITY;
  let waiters: (() => void)[] = [];
  let releaseScheduled = false;

  // Released on a check-phase turn at least `quietMs` after the last delivery ended: I/O polled
  // in between (new connections, request bodies) is seen first; if it brought deliveries, the
  // waiters wait on until those end.
  const releaseWhenStillQuiet = (): void => {
    releaseScheduled = false;
    if (inFlight > 0 || waiters.length === 0) return;
    const left = lastEndAt + quietMs - performance.now();
    if (left > 0) {
      releaseScheduled = true;
      setTimeout(() => setImmediate(releaseWhenStillQuiet), left);
      return;
    }
    const ready = waiters;
    waiters = [];
    for (const release of ready) release();
  };
  const scheduleRelease = (): void => {
    if (releaseScheduled) return;
    releaseScheduled = true;
    setImmediate(releaseWhenStillQuiet);
  };

  return {
    begin() {
      inFlight += 1;
      if (inFlight === 1) options.onBusyChange?.(true);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
        lastEndAt = performance.now();
        if (inFlight === 0) options.onBusyChange?.(false);
        if (inFlight === 0 && waiters.length > 0) scheduleRelease();
      };
    },

    whenQuiet() {
      return new Promise<void>((resolve) => {
        let done = false;
        const release = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== release);
          release();
        }, maxHoldMs);
        waiters.push(release);
        if (inFlight === 0) scheduleRelease();
      });
    },

    get inFlight() {
      return inFlight;
    },

    get waiting() {
      return waiters.length;
    },
  };
}
