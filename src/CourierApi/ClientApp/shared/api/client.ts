import createClient, { type Middleware } from "openapi-fetch";
import createQueryHooks from "openapi-react-query";
import { QueryClient } from "@tanstack/react-query";
import type { components, paths } from "./schema";

/** Shapes of the API, generated from the host's OpenAPI document (shared/api/openapi.json). */
export type Schemas = components["schemas"];

/** Where the sign-in page sends the user back to. */
export function signInUrl(returnTo: string = location.pathname + location.search): string {
  return "/signin?returnTo=" + encodeURIComponent(returnTo);
}

// A cookie session that expired sends the user to sign in, then back to where they were.
const signInOn401: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes("/api/v1/auth/sign-in")) {
      location.assign(signInUrl());
    }
    return response;
  },
};

/** The one typed client: `api.GET("/api/v1/depots/{depotId}", { params: { path: { depotId } } })`. Cookies ride along. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(signInOn401);

/** TanStack Query hooks over the same client: `$api.useQuery("get", "/api/v1/depots")`. */
export const $api = createQueryHooks(api);

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: 1 } },
});
