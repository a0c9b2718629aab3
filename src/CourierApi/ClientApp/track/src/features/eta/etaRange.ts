const five = 5 * 60_000;

/**
 * The ETA as a narrow range that narrows as the courier gets closer (DPD shows one hour in the morning, 30 min later):
 * next stop −5/+10 min, up to three stops before −5/+15, further −10/+20; the ends rounded outward to 5 minutes and never
 * before the window starts.
 */
export function etaRange(arrival: Date, stopsBefore: number | null | undefined, windowStart?: string | null): [Date, Date] {
  // An early courier waits for the window (the plan keeps the service inside it): the customer is told the window start.
  const start = windowStart ? new Date(windowStart) : null;
  const eta = start && arrival < start ? start : arrival;
  const n = stopsBefore ?? 99;
  const [before, after] = n === 0 ? [5, 10] : n <= 3 ? [5, 15] : [10, 20];
  const from = Math.floor((eta.getTime() - before * 60_000) / five) * five;
  const to = Math.ceil((eta.getTime() + after * 60_000) / five) * five;
  return [new Date(start && from < start.getTime() ? start.getTime() : from), new Date(to)];
}
