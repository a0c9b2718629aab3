import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../../shared/api/schema";

/** The tablet's device token (issued by the dispatcher, or exchanged for a pairing code); kept in this browser only. */
const tokenKey = "delivery.courier.token";
const signedOutKey = "delivery.courier.signedOut";
const listeners = new Set<() => void>();

export function deviceToken(): string | null {
  return localStorage.getItem(tokenKey);
}

export function setDeviceToken(token: string): void {
  localStorage.setItem(tokenKey, token);
  localStorage.removeItem(signedOutKey);
  listeners.forEach((l) => l());
}

/** Forgets the token: the dispatcher revoked it (a 401), or the courier unpaired the tablet. */
export function signOutDevice(reason: "revoked" | "unpaired"): void {
  if (!deviceToken()) return;
  localStorage.removeItem(tokenKey);
  localStorage.setItem(signedOutKey, reason);
  listeners.forEach((l) => l());
}

export function signedOutReason(): string | null {
  return localStorage.getItem(signedOutKey);
}

export function onSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const bearer: Middleware = {
  onRequest({ request }) {
    const token = deviceToken();
    if (token) request.headers.set("Authorization", "Bearer " + token);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) signOutDevice("revoked");
    return response;
  },
};

/** The courier's typed client: the device token as a bearer, a 401 signs the tablet out (it was revoked). */
export const courierApi = createClient<paths>({ baseUrl: "" });
courierApi.use(bearer);
