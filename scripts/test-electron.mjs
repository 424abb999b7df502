#!/usr/bin/env node
// `npm run test:electron`: the Playwright `_electron` suite, for machines where Electron's binary is
// installed. Where it is missing, say so and stop without failing: it is not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron')
  : existsSync(pathFile) && join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));

if (!binary || !existsSync(binary)) {
  console.log('Electron binary not installed (node_modules/electron/dist is missing): skipping the Electron window tests.');
  console.log('Install it with `npx install-electron` on a machine with internet access to run them.');
  process.exit(0);
}

const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
const status = run(['electron-vite', 'build']) || run(['playwright', 'test', '--config', 'test/electron/playwright.config.ts']);
process.exit(status);
