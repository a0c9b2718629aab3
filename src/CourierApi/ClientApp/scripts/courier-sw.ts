import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { VitePWA } from "vite-plugin-pwa";

const out = resolve(import.meta.dirname, "../../wwwroot");

/** Files the courier page loads (its entry's closure in Vite's manifest), so the worker precaches nothing of the board. */
function courierFiles(): Set<string> {
  const manifest = JSON.parse(readFileSync(resolve(out, ".vite/manifest.json"), "utf8")) as Record<string, { file: string; css?: string[]; assets?: string[]; imports?: string[]; dynamicImports?: string[] }>;
  const files = new Set<string>(["courier/index.html", "courier/manifest.webmanifest", "courier/icon.svg"]);
  const walk = (key: string, seen = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])].forEach((f) => files.add(f));
    [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach((k) => walk(k, seen));
  };
  walk("courier/index.html");
  return files;
}

/**
 * The courier's service worker (courier/src/sw.ts → wwwroot/courier/sw.js, scope /courier/), built by vite-plugin-pwa's
 * injectManifest: no manifest link or registration injected into the other pages (vite-plugin-pwa#813).
 */
export function courierServiceWorker() {
  return VitePWA({
    strategies: "injectManifest",
    srcDir: "courier/src",
    filename: "sw.ts",
    outDir: resolve(out, "courier"),
    injectRegister: false,
    manifest: false,
    scope: "/courier/",
    base: "/",
    injectManifest: {
      globDirectory: out,
      globPatterns: ["**/*.{js,css,html,woff2,woff,svg,webmanifest}"],
      globIgnores: ["courier/sw.js", ".vite/**"],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      manifestTransforms: [async (entries) => {
        const keep = courierFiles();
        // Absolute URLs: the worker lives in /courier/, the assets in /assets/.
        return { manifest: entries.filter((e) => keep.has(e.url.replace(/^\//, ""))).map((e) => ({ ...e, url: "/" + e.url.replace(/^\//, "") })), warnings: [] };
      }],
    },
  });
}
