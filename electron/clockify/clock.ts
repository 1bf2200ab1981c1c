/** Time as the client sees it; tests pass a fake one so backoff and rate limits run instantly. */
export interface ClientClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Calls `fn` after `ms` (a request's timeout); returns a function that cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemClock: ClientClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
