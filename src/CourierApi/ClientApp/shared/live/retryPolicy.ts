import type { IRetryPolicy, RetryContext } from "@microsoft/signalr";

/**
 * Reconnects forever: 1 s, 2 s, 4 s … capped at 30 s, each delay jittered by ±30 % so a depot's boards do not all
 * come back in the same second. Never returns null (SignalR's default gives up after four tries).
 */
export class ForeverRetryPolicy implements IRetryPolicy {
  constructor(private readonly random: () => number = Math.random, private readonly baseMs = 1000, private readonly capMs = 30_000) {}

  nextRetryDelayInMilliseconds(context: RetryContext): number {
    const exponential = Math.min(this.capMs, this.baseMs * 2 ** Math.min(context.previousRetryCount, 16));
    const jitter = 1 + (this.random() * 2 - 1) * 0.3;
    return Math.round(Math.min(this.capMs, exponential * jitter));
  }
}
