// Writes NAME.gz beside every script and style of the build: the host answers a browser that accepts gzip with it
// (Hosting/PageEndpoints.cs), so the pages travel compressed without compressing on every request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { constants, gzipSync } from "node:zlib";

const assets = resolve(import.meta.dirname, "../../wwwroot/assets");
let files = 0;
for (const name of readdirSync(assets)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const path = join(assets, name);
  writeFileSync(path + ".gz", gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
  files++;
}
console.log(`precompressed ${files} assets (gzip)`);
