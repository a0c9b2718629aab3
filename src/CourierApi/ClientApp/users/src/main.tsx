import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import i18n from "i18next";
import { QueryClientProvider } from "@tanstack/react-query";
import "../../shared/ui/tokens.css";
import { initCatalogues } from "../../shared/i18n/language";
import { queryClient } from "../../shared/api/client";
import enCommon from "../../shared/i18n/messages/en/common.json";
import ruCommon from "../../shared/i18n/messages/ru/common.json";
import enUsers from "../../shared/i18n/messages/en/users.json";
import ruUsers from "../../shared/i18n/messages/ru/users.json";
import { UsersPage } from "./UsersPage";

initCatalogues({ en: { common: enCommon, users: enUsers }, ru: { common: ruCommon, users: ruUsers } }, ["common", "users"], "common",
  () => i18n.t("users:title") + " · Delivery");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <UsersPage />
    </QueryClientProvider>
  </StrictMode>,
);
