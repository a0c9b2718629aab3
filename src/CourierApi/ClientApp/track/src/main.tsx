import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../../shared/ui/tokens.css";
import { initTrackI18n } from "./i18n";
import { App } from "./App";

initTrackI18n();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
