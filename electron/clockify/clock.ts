/** Time as the client sees it; tests pass a fake one so backoff and rate limits run instantly. */
export interface ClientClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: ClientClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
