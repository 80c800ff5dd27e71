/**
 * Runs `work` and answers no sooner than `minMs` after the start, so that a request for an
 * account that exists (a lookup, a transaction, an e-mail queued) and one for an account that does
 * not (a lookup) take the same time from the outside: timing reveals no accounts.
 */
export async function evenTime<T>(minMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = minMs - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
