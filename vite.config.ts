import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "src/client",
  plugins: [react()],
  build: { outDir: "../../dist/client", emptyOutDir: true, sourcemap: false },
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
