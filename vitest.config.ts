import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';

// Two projects: `unit` (fast, no external processes) and `integration` (real HTTP, real keychain,
// real SQLite files, child processes). Renderer tests run in happy-dom; the rest in Node.
export default defineConfig({
  resolve: {
    alias: { '@renderer': resolve('renderer/src'), '@shared': resolve('shared') },
  },
  test: {
    projects: [
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/request-log-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/request-log-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
