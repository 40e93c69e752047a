import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The dashboard build: `npm run build:web` writes web/dist, which src/api/plugins/web.ts serves.
 * `npx vite web` is the dev mode with hot reload; API calls go to the server named by API_URL
 * (default http://127.0.0.1:3000), so the dev server and the product share one origin for the browser.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 300 },
  server: {
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
