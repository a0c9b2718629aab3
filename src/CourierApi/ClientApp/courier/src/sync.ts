import { liveHub } from "../../shared/live/connection";
import { now } from "../../shared/time/clock";
import { CourierDb, type BatchAck } from "./features/outbox/db";
import { Outbox } from "./features/outbox/outbox";
import { uploadPhotos } from "./features/photo/upload";
import { courierApi, deviceToken, signOutDevice } from "./session";

/** The tablet's one courier-hub connection (the device token as access token) and its one outbox. */
export const courierHub = liveHub("/hubs/courier", { accessTokenFactory: () => deviceToken() ?? "" });
export const courierDb = new CourierDb();
export const outbox = new Outbox(courierDb, {
  send: (batch) => courierHub.invoke<BatchAck>("SendPositions", batch),
  now: () => now().getTime(),
});

// A revoked token: the hub's negotiate answers 401.
courierHub.onStartError((error) => {
  if ((error as { statusCode?: number }).statusCode === 401 || /\b401\b/.test(String(error))) signOutDevice("revoked");
});

let timer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let started = false;

/** Drains the outbox (events and positions, then photos) now and again: every 2 s while connected, backing off up to 30 s after failed sends. */
export function scheduleFlush(delay = 0): void {
  clearTimeout(timer);
  timer = setTimeout(() => void runFlush(), delay);
}

async function runFlush(): Promise<void> {
  if (!deviceToken()) return;
  try {
    if (navigator.onLine !== false) {
      await outbox.drain();
      await uploadPhotos(courierDb, courierApi); // after the drain: a photo goes up once its event is acknowledged
    }
    failures = 0;
    scheduleFlush(2_000);
  } catch {
    failures++;
    scheduleFlush(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)));
  }
}

/** Starts the connection and the flush loop once per page. */
export function startSync(): void {
  if (started) return;
  started = true;
  void navigator.storage?.persist?.(); // ask the browser not to evict the outbox under storage pressure
  void courierHub.connect();
  courierHub.onStatus((s) => s === "live" && scheduleFlush(0));
  window.addEventListener("online", () => scheduleFlush(0));
  scheduleFlush(0);
}
