import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,ops,web,e2e}/**/*.test.ts'],
    globalSetup: ['server/test-support/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 120000,
    // Forks rather than threads: tests start PostgreSQL clusters and other child processes.
    pool: 'forks',
  },
});
