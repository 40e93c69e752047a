/**
 * A background pass repeated until stopped, as the outbox dispatcher and the summary writer run: the
 * next pass starts at once while a full batch came back (more is waiting), otherwise after `pollMs`;
 * a pass that throws is reported and tried again after `pollMs`. `stop` waits for the pass in flight.
 */
export interface PollingLoop {
  start(): void;
  stop(): Promise<void>;
}

export interface PollingOptions {
  pollMs: number;
  batchSize: number;
  onError: (err: unknown) => void;
}

export function pollingLoop(pass: () => Promise<{ claimed: number }>, opt: PollingOptions): PollingLoop {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  const tick = () => {
    if (!running) return;
    inFlight = pass().then(
      (r) => {
        if (running) timer = setTimeout(tick, r.claimed >= opt.batchSize ? 0 : opt.pollMs);
      },
      (err) => {
        opt.onError(err);
        if (running) timer = setTimeout(tick, opt.pollMs);
      },
    );
  };
  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
