// Fails the build when a page's JavaScript (gzip, everything its entry loads) exceeds its budget (STYLE-FRONTEND #11).
// The customer page is measured before its lazy map: only what its entry imports statically (the map loads after the text).
// Sizes are the .gz files scripts/precompress.mjs wrote, the bytes the host sends (what the `pages` verb sees on the wire).
// Scripts a chunk loads as assets count too: MapLibre's worker (`?worker&url`) is fetched by every page with a map; and
// the tablet app's service worker.
import { existsSync, readFileSync, statSync } from "node:fs";
import { constants, gzipSync } from "node:zlib";
import { resolve } from "node:path";

const out = resolve(import.meta.dirname, "../../wwwroot");
const manifest = JSON.parse(readFileSync(resolve(out, ".vite/manifest.json"), "utf8"));
const budgets = { "board/index.html": 600 * 1024, "signin/index.html": 200 * 1024, "courier/index.html": 550 * 1024, "track/index.html": 100 * 1024, "users/index.html": 250 * 1024, "insights/index.html": 180 * 1024 };
const eagerOnly = new Set(["track/index.html", "insights/index.html"]);
const alsoLoads = { "courier/index.html": ["courier/sw.js"] };
const served = (f) => existsSync(resolve(out, f + ".gz")) ? statSync(resolve(out, f + ".gz")).size
  : gzipSync(readFileSync(resolve(out, f)), { level: constants.Z_BEST_COMPRESSION }).length;

function closure(key, eager, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const next of [...(chunk.imports ?? []), ...(eager ? [] : chunk.dynamicImports ?? [])]) closure(next, eager, seen);
  return seen;
}

let failed = false;
for (const [entry, budget] of Object.entries(budgets)) {
  const files = [...new Set([...closure(entry, eagerOnly.has(entry))].flatMap((k) => [manifest[k].file, ...(manifest[k].assets ?? [])]))]
    .filter((f) => f.endsWith(".js")).concat(alsoLoads[entry] ?? []);
  const bytes = files.reduce((sum, f) => sum + served(f), 0);
  const line = `${entry}: ${(bytes / 1024).toFixed(1)} KB gzip of JS${eagerOnly.has(entry) ? " before the lazy map" : ""} (budget ${budget / 1024} KB)`;
  if (bytes > budget) {
    failed = true;
    console.error("over budget: " + line);
  } else {
    console.log(line);
  }
}
process.exit(failed ? 1 : 0);
