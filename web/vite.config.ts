import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Writes `asset.gz` beside every JS/CSS asset, so the server sends them compressed without compressing per request. */
function precompress(): Plugin {
  return {
    name: 'infinioffice-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const [file, chunk] of Object.entries(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const data = chunk.type === 'chunk' ? chunk.code : chunk.source;
        writeFileSync(join(options.dir!, `${file}.gz`), gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The dashboard build: `npm run build:web` writes web/dist, which src/api/plugins/web.ts serves.
 * `npx vite web` is the dev mode with hot reload; API calls go to the server named by API_URL
 * (default http://127.0.0.1:3000), so the dev server and the product share one origin for the browser.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 300 },
  server: {
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
