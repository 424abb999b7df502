import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/csp';

/**
 * Puts the CSP into the page itself as well as in the app:// handler's header (electron/main/app-protocol.ts),
 * so the page keeps it wherever it is served from (the e2e suite serves the built renderer over plain HTTP).
 */
function cspMetaTag(): Plugin {
  return {
    name: 'clerk-admin-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, ctx) => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ dev: Boolean(ctx.server) }) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

const alias = { '@renderer': resolve('renderer/src'), '@shared': resolve('shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // The audit export's worker thread is its own entry, emitted next to index.js (see export-worker-location.ts).
      rolldownOptions: {
        input: { index: resolve('electron/main/index.ts'), 'audit-export-worker': resolve('electron/services/audit/export-worker.ts') },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can require nothing but `electron`: bundle everything else (zod).
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module: Electron evaluates it as a CommonJS script.
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    plugins: [vue(), cspMetaTag()],
    build: {
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
