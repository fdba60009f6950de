import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/lib/server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time against one server: journeys share the demo data.
    fileParallelism: false,
  },
});
