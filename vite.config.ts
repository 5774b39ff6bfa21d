import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const OUT_DIR = "../../dist/client";

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each script, style sheet and SVG of the
 * build, once, so the server sends them compressed (serveStatic's `precompressed`) without
 * compressing on every request: a phone on a slow connection fetches a third of the bytes.
 */
function precompress(): Plugin {
  let dir = "";
  return {
    name: "hub-precompress",
    apply: "build",
    configResolved(config) {
      dir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (d: string): string[] =>
        readdirSync(d).flatMap((name) => {
          const path = join(d, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(dir)) {
        if (!/\.(js|css|svg|json|woff2?)$/.test(file) || /\.woff2$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: "src/client",
  plugins: [react(), precompress()],
  build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false },
  css: {
    preprocessorOptions: {
      // govuk-frontend still uses @import internally; its deprecation notices are not ours to fix.
      scss: {
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "slash-div", "color-functions", "if-function"],
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
