/** Options of `createDeliveryActivity`. */
export interface DeliveryActivityOptions {
  /**
   * The longest `whenQuiet` holds job work back while deliveries keep arriving (default 250 ms),
   * so sustained traffic (or a connection that never sends its request) slows jobs down but
   * never stops them.
   */
  maxHoldMs?: number;
}

/** Which webhook deliveries are being received or answered right now. */
export interface DeliveryActivity {
  /**
   * Marks one delivery (or a new connection about to carry one) as in flight; the returned
   * function ends it and may be called any number of times.
   */
  begin(): () => void;
  /**
   * Resolves on a later turn of the event loop when no delivery is in flight, or after
   * `maxHoldMs` at the latest: what job work awaits before it uses the CPU.
   */
  whenQuiet(): Promise<void>;
  readonly inFlight: number;
}

/**
 * Gives webhook acknowledgements priority over job work in one process. The webhook server
 * reports each connection and request (`begin`, and the end when the answer is sent); jobs await
 * `whenQuiet` before they start and before each GitHub request. A burst of deliveries is then
 * answered first and the jobs it queued run after it, instead of interleaving with it and
 * delaying every answer. Waiting costs nothing while busy: waiters are released when the count
 * drops to zero (or by their timer), never by polling.
 */
export function createDeliveryActivity(options: DeliveryActivityOptions = {}): DeliveryActivity {
  const maxHoldMs = options.maxHoldMs ?? 250;
  if (!Number.isFinite(maxHoldMs) || maxHoldMs < 0) {
    throw new RangeError(`maxHoldMs must be a non-negative number, got ${maxHoldMs}`);
  }
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  let releaseScheduled = false;

  // Released on a check-phase turn: I/O polled in between (new connections, request bodies)
  // is seen before job work resumes; if it brought deliveries, the waiters wait on.
  const releaseWhenStillQuiet = (): void => {
    releaseScheduled = false;
    if (inFlight > 0 || waiters.length === 0) return;
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
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
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
  };
}
