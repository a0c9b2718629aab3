import { useEffect, useState } from "react";
import { courierDb } from "./sync";

/**
 * The current result of an IndexedDB query, read again after every write to the tablet's database (also from other
 * tabs). With `same`, an equal result keeps the previous value (and its identity), so nothing downstream redraws.
 */
export function useStored<T>(query: () => Promise<T>, initial: T, same?: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    // One read at a time; writes that land during a read cause one more read, so the last state always shows.
    const read = async () => {
      if (running) { again = true; return; }
      running = true;
      do {
        again = false;
        try { const v = await query(); if (live) setValue((old) => (same && old !== initial && same(old, v) ? old : v)); } catch { /* the next write reads again */ }
      } while (again && live);
      running = false;
    };
    const off = courierDb.subscribe(() => void read());
    void read();
    return () => { live = false; off(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
