import type { CourierDb } from "../outbox/db";
import type { courierApi } from "../../session";

// Statuses that say "later" (offline host, a lost token, throttling); any other refusal is final and shown.
const retryable = new Set([401, 408, 425, 429]);

/**
 * Uploads the proof photos whose events the server has acknowledged, oldest first; a photo leaves the tablet only on
 * a 2xx. A final refusal (too large, not an image) is kept with its reason for the courier; a network failure or a
 * 5xx throws, and everything stays for the next round.
 */
export async function uploadPhotos(db: CourierDb, api: typeof courierApi): Promise<void> {
  for (const p of await db.photos.toArray()) {
    if (p.rejected || !(await db.sent.get(p.clientEventId))) continue; // its event is not durable yet
    const { response, error } = await api.PUT("/api/v1/courier/events/{clientEventId}/photo", {
      params: { path: { clientEventId: p.clientEventId }, query: { takenAt: p.takenAt } },
      body: new Blob([p.bytes], { type: p.contentType }) as never, bodySerializer: (b: unknown) => b as Blob,
      headers: { "Content-Type": p.contentType },
    });
    if (response.ok) await db.photos.delete(p.clientEventId);
    else if (response.status >= 500 || retryable.has(response.status)) throw new Error("photo upload: " + response.status);
    else await db.photos.put({ ...p, rejected: { status: response.status, reason: (error as { detail?: string } | undefined)?.detail ?? String(response.status) } });
  }
}
