// Writes NAME.gz beside every script and style of the build: the host answers a browser that accepts gzip with it
// (Hosting/PageEndpoints.cs), so the pages travel compressed without compressing on every request.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { constants, gzipSync } from "node:zlib";

const out = resolve(import.meta.dirname, "../../wwwroot");
const assets = join(out, "assets");
const paths = [...readdirSync(assets).filter((n) => /\.(js|css|svg|json)$/.test(n)).map((n) => join(assets, n)), join(out, "courier/sw.js")]
  .filter((p) => existsSync(p));
let files = 0;
for (const path of paths) {
  writeFileSync(path + ".gz", gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
  files++;
}
console.log(`precompressed ${files} assets (gzip)`);
