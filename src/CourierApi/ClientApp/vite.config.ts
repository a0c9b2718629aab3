import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { courierServiceWorker } from "./scripts/courier-sw";

// One multi-page build into the host's wwwroot; each page is an index.html the host serves with MapFallbackToFile.
const page = (name: string) => resolve(import.meta.dirname, name, "index.html");

export default defineConfig({
  plugins: [react(), courierServiceWorker()],
  base: "/",
  worker: { format: "es" },
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000, // maplibre-gl alone is ~1 MB minified; budgets are checked on gzip by scripts/check-budgets.mjs
    rolldownOptions: {
      input: { board: page("board"), signin: page("signin"), courier: page("courier"), track: page("track"), users: page("users"), insights: page("insights") },
      checks: { pluginTimings: false },
    },
  },
  server: {
    port: 5183,
    proxy: { "/api": "http://127.0.0.1:5080", "/hubs": { target: "http://127.0.0.1:5080", ws: true }, "/tiles": "http://127.0.0.1:5080", "/map": "http://127.0.0.1:5080" },
  },
});
