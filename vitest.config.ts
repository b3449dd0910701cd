import { defineConfig } from 'vitest/config';

// One Vitest project per layer, each in the process its code runs in (docs/architecture.md §1).
// The renderer project runs in Node and drives Debian Chromium through playwright-core,
// so window.apparatus can be bound to the real main-process services.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/electron-guard.ts'],
        },
      },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/electron-guard.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: our machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
