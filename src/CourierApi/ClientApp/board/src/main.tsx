import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClientProvider } from "@tanstack/react-query";
import "../../shared/ui/tokens.css";
import { initI18n } from "../../shared/i18n/i18n";
import { queryClient } from "../../shared/api/client";
import { App } from "./App";

initI18n();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
