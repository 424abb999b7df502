import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';

const alias = { '@renderer': resolve('renderer/src'), '@shared': resolve('shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
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
    plugins: [vue()],
    build: {
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
