/** The UTC instant of a local wall-clock time on a date in an IANA zone (DST-safe to the minute). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const guess = new Date(`${date}T00:00:00Z`);
  guess.setUTCHours(h, m, 0, 0);
  let instant = guess.getTime();
  for (let i = 0; i < 2; i++) {
    instant = guess.getTime() - offsetMs(new Date(instant), timeZone);
  }
  return new Date(instant);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
