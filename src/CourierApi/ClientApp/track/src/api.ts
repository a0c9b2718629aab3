import createClient from "openapi-fetch";
import type { components, paths } from "../../shared/api/schema";

/** The customer page's client: public endpoints only, no sign-in redirect, no query cache (the page stays light). */
export const trackApi = createClient<paths>({ baseUrl: "", credentials: "omit" });

export type TrackingPage = components["schemas"]["TrackingPageResponse"];
export type CourierPosition = components["schemas"]["CourierPosition"];
export type WindowOption = components["schemas"]["WindowOption"];

/** The token from `/t/{token}`. */
export function tokenFromPath(pathname: string): string {
  const match = /^\/t\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1] ?? "") : "";
}
