import { useSyncExternalStore } from "react";
import { deviceToken, onSession } from "./session";
import { PairScreen } from "./features/pairing/PairScreen";
import { RouteScreen } from "./RouteScreen";

/** Unpaired: the pairing screen. Paired: the day. A revoked token (401 anywhere) goes back to pairing. */
export function App() {
  const token = useSyncExternalStore(onSession, deviceToken);
  return token ? <RouteScreen /> : <PairScreen />;
}
