// Clockify's documented limit: 50 requests a second (add-on tokens; the Maton gateway states 50 per
// workspace). Nothing is documented for API keys; the fake applies the same limit per credential, so a
// client that bursts past it meets the 429 it would meet in production.

import type { RequestHeaders } from './auth';

export class RateWindow {
  /** Arrival times of admitted requests in the last second, per credential. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  /** False when the credential already made `perSecond` requests in the last 1000 ms. */
  admit(headers: RequestHeaders): boolean {
    const credential = headers['x-api-key'] ?? headers.authorization;
    if (typeof credential !== 'string') return true; // refused as unauthenticated anyway
    const now = this.now();
    const times = (this.recent.get(credential) ?? []).filter((at) => now - at < 1000);
    if (times.length >= this.perSecond) {
      this.recent.set(credential, times);
      return false;
    }
    times.push(now);
    this.recent.set(credential, times);
    return true;
  }
}
