/**
 * Runs tasks with a bound on how many are in flight in all and per host, so that a check of
 * hundreds of links never hammers one site (most of the digest's links go to a few hosts).
 */

export interface PoolLimits {
  /** Tasks in flight at once, in all. */
  concurrency: number;
  /** Tasks in flight at once for one host. */
  perHost: number;
}

/**
 * Runs `work` on every item, at most `concurrency` at once and `perHost` per host, taking items in
 * order whenever their host has room; resolves when all are done. Stops starting new ones once
 * `signal` aborts (those in flight are left to settle) and rejects with the first error.
 */
export function runPool<T>(
  items: readonly T[],
  hostOf: (item: T) => string,
  { concurrency, perHost }: PoolLimits,
  work: (item: T) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const waiting = [...items];
  const active = new Map<string, number>();
  let running = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const next = () => {
      if (failed) return;
      if (signal.aborted || (waiting.length === 0 && running === 0)) {
        if (running === 0) resolve();
        return;
      }
      while (running < concurrency) {
        const index = waiting.findIndex((item) => (active.get(hostOf(item)) ?? 0) < perHost);
        if (index < 0) break;
        const [item] = waiting.splice(index, 1) as [T];
        const host = hostOf(item);
        active.set(host, (active.get(host) ?? 0) + 1);
        running += 1;
        work(item).then(
          () => {
            running -= 1;
            active.set(host, (active.get(host) ?? 1) - 1);
            next();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    next();
  });
}
