import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../../shared/ui/tokens.css";
import { initCourierI18n } from "./i18n";
import { App } from "./App";

initCourierI18n();

// The service worker's scope is /courier/: keep the address inside it so an offline reload is served.
if (location.pathname === "/courier") history.replaceState(null, "", "/courier/" + location.search + location.hash);

// The service worker keeps the app shell (and the route through IndexedDB) available with no network.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register("/courier/sw.js", { scope: "/courier/", type: "module" }).catch(() => undefined);
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
