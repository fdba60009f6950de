import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/lib/server.ts'],
    testTimeout: 60_000,
    // Pages wait for the network; on a loaded machine a page can take a few seconds to show what
    // a journey polls for (expect.poll's own default is 1 s).
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    // One browser at a time against one server: journeys share the demo data.
    fileParallelism: false,
  },
});
