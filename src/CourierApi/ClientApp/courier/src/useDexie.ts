import { liveQuery } from "dexie";
import { useEffect, useState } from "react";

/** The current result of an IndexedDB query, updated whenever the tables it read change (also from other tabs). */
export function useDexie<T>(query: () => Promise<T>, initial: T, deps: unknown[] = []): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
