import { useEffect, useState, useSyncExternalStore } from "react";
import { liveHub, type LiveStatus } from "./connection";

/** Connection status of a hub, for the "live updates paused" banner. */
export function useLiveStatus(path: string): LiveStatus {
  const hub = liveHub(path);
  return useSyncExternalStore((cb) => hub.onStatus(cb), () => hub.status);
}

/** Joins a group while mounted and receives `method` messages; `onResync` runs after every reconnect. */
export function useHubGroup<T>(path: string, group: { join: string; leave: string; args: unknown[] } | null, method: string,
  onMessage: (message: T) => void, onResync?: () => void): void {
  const [handler] = useState(() => ({ current: onMessage, resync: onResync }));
  handler.current = onMessage;
  handler.resync = onResync;
  const key = group ? JSON.stringify(group) : "";
  useEffect(() => {
    if (!group) {
      return;
    }
    const hub = liveHub(path);
    const off = hub.on<T>(method, (m) => handler.current(m));
    const offResync = hub.onResync(() => handler.resync?.());
    const leave = hub.join(group.join, group.leave, ...group.args);
    return () => {
      leave();
      off();
      offResync();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, method, key, handler]);
}
