import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
window.addEventListener("popstate", () => listeners.forEach((l) => l()));

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Page state kept in the query string (depot, date, view, selection): shareable, survives a reload, Back works. */
export function useUrlState(): [URLSearchParams, (changes: Record<string, string | null>, replace?: boolean) => void] {
  const search = useSyncExternalStore(subscribe, () => location.search);
  const set = useCallback((changes: Record<string, string | null>, replace = false) => {
    const params = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") params.delete(k);
      else params.set(k, v);
    }
    const url = location.pathname + (params.size > 0 ? "?" + params.toString() : "");
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    listeners.forEach((l) => l());
  }, []);
  return [new URLSearchParams(search), set];
}
