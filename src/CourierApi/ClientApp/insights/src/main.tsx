import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import i18n from "i18next";
import { QueryClientProvider } from "@tanstack/react-query";
import "../../shared/ui/tokens.css";
import { initCatalogues } from "../../shared/i18n/language";
import { queryClient } from "../../shared/api/client";
import enCommon from "../../shared/i18n/messages/en/common.json";
import ruCommon from "../../shared/i18n/messages/ru/common.json";
import enInsights from "../../shared/i18n/messages/en/insights.json";
import ruInsights from "../../shared/i18n/messages/ru/insights.json";
import { InsightsPage } from "./InsightsPage";

initCatalogues({ en: { common: enCommon, insights: enInsights }, ru: { common: ruCommon, insights: ruInsights } }, ["common", "insights"], "common",
  () => i18n.t("insights:title") + " · Delivery");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <InsightsPage />
    </QueryClientProvider>
  </StrictMode>,
);
