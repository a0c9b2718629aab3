// Writes NAME.gz beside every script and style of the build: the host answers a browser that accepts gzip with it
// (Hosting/PageEndpoints.cs), so the pages travel compressed without compressing on every request. The large scripts
// (MapLibre and its worker, React) go through Zopfli: still plain gzip for every browser, 4–5% smaller than zlib's
// best, which is what keeps the tablet app under its budget; it costs seconds once per build, not per request.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { constants, gzipSync } from "node:zlib";
import { gzipAsync } from "@gfx/zopfli";

const out = resolve(import.meta.dirname, "../../wwwroot");
const assets = join(out, "assets");
const paths = [...readdirSync(assets).filter((n) => /\.(js|css|svg|json)$/.test(n)).map((n) => join(assets, n)), join(out, "courier/sw.js")]
  .filter((p) => existsSync(p));
const zopfliFrom = 50 * 1024;
let files = 0;
for (const path of paths) {
  const bytes = readFileSync(path);
  const gz = path.endsWith(".js") && bytes.length >= zopfliFrom
    ? await gzipAsync(bytes, { numiterations: 5 })
    : gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(path + ".gz", gz);
  files++;
}
console.log(`precompressed ${files} assets (gzip; Zopfli from ${zopfliFrom / 1024} KB)`);
