import type { ClientClock } from './clock';

/**
 * A sliding-window limiter: at most `limit` requests in any `windowMs`. Clockify documents 50 req/s
 * for add-ons and the Maton gateway; clockify-cli holds API keys to the same. A request holds its
 * slot from its start until `windowMs` after its answer: the server counts arrivals, which lie
 * somewhere between the two, so counting from the start alone lets a slow request and a fast one
 * arrive closer together than the window (51 in a second, a 429).
 */
export class RateLimiter {
  /** When each recent request was answered; Infinity while it is still in flight. */
  private readonly slots: { answeredAt: number }[] = [];
  private readonly waiting: (() => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: ClientClock,
    private readonly limit = 50,
    private readonly windowMs = 1000,
  ) {}

  /** Resolves when one more request may start, with the function to call once it was answered. Callers are served in order. */
  take(): Promise<() => void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      for (let i = this.slots.length - 1; i >= 0; i--) {
        if (this.slots[i]!.answeredAt <= now - this.windowMs) this.slots.splice(i, 1);
      }
      if (this.slots.length < this.limit) {
        const slot = { answeredAt: Number.POSITIVE_INFINITY };
        this.slots.push(slot);
        return () => {
          slot.answeredAt = this.clock.now();
          this.waiting.splice(0).forEach((wake) => wake());
        };
      }
      const firstFree = Math.min(...this.slots.map((slot) => slot.answeredAt)) + this.windowMs;
      if (Number.isFinite(firstFree)) await this.clock.sleep(firstFree - now);
      else await new Promise<void>((resolve) => this.waiting.push(resolve)); // every slot is in flight
    }
  }
}
