import { describe, expect, it } from "vitest";
import { ForeverRetryPolicy } from "./retryPolicy";

const context = (previousRetryCount: number) => ({ previousRetryCount, elapsedMilliseconds: 0, retryReason: new Error("x") });

describe("ForeverRetryPolicy", () => {
  it("starts near a second and doubles", () => {
    const policy = new ForeverRetryPolicy(() => 0.5);
    expect(policy.nextRetryDelayInMilliseconds(context(0))).toBe(1000);
    expect(policy.nextRetryDelayInMilliseconds(context(1))).toBe(2000);
    expect(policy.nextRetryDelayInMilliseconds(context(3))).toBe(8000);
  });

  it("never gives up and never exceeds 30 s", () => {
    const policy = new ForeverRetryPolicy(() => 1);
    for (const n of [5, 10, 100, 10_000]) {
      const delay = policy.nextRetryDelayInMilliseconds(context(n));
      expect(delay).not.toBeNull();
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });

  it("jitters within 30 %", () => {
    expect(new ForeverRetryPolicy(() => 0).nextRetryDelayInMilliseconds(context(2))).toBe(2800);
    expect(new ForeverRetryPolicy(() => 1).nextRetryDelayInMilliseconds(context(2))).toBe(5200);
  });
});
