import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the web app into dist/web, which the server serves as static files. Paths are resolved
 * from this file so the build works from any working directory.
 * In development `/api` is proxied to the server (KVARTER_API_URL, default http://127.0.0.1:3000)
 * so cookies stay same-origin, as in production.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': process.env.KVARTER_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
