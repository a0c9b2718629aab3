import { $api, api, signInUrl } from "../api/client";
import type { Schemas } from "../api/client";

export type CurrentUser = Schemas["CurrentUserResponse"];

/** The signed-in user (a 401 sends the page to the sign-in page). */
export function useMe() {
  return $api.useQuery("get", "/api/v1/auth/me", {}, { staleTime: 5 * 60_000, retry: false });
}

/** Dispatchers change things; analysts only look (the API refuses them anyway). */
export function canEdit(user: CurrentUser | undefined): boolean {
  return user?.role === "dispatcher";
}

export async function signOut(): Promise<void> {
  await api.POST("/api/v1/auth/sign-out");
  location.assign(signInUrl("/board"));
}
