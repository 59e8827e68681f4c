import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the web app into dist/web, which the server serves as static files. Paths are resolved
 * from this file so the build works from any working directory. The libraries go into chunks of
 * their own, apart from the app's code: no chunk nears the 500 kB at which the build warns
 * (e2e/web-build-warnings.test.ts), and a release that changes only the app leaves them cached.
 * They are all needed at start (e2e/bundle-budget.test.ts counts them), so they load in parallel.
 * In development `/api` is proxied to the server (KVARTER_API_URL, default http://127.0.0.1:3000)
 * so cookies stay same-origin, as in production.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router-and-query', test: /[\\/]node_modules[\\/](react-router|@tanstack)[\\/]/ },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.KVARTER_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
