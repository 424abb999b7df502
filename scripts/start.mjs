#!/usr/bin/env node
// `npm start`: build the app and open it (on the built-in Sandbox the first time). Where Electron's
// binary is missing and cannot be downloaded, say so plainly instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 16)) {
  fail(`Node.js ${process.versions.node} is too old: Clerk Admin Desktop needs Node.js 22.16 or newer (for node:sqlite).`);
}

let electronPath;
try {
  // Resolving the package downloads Electron's binary on first use; that needs internet access.
  const silenced = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 180_000 });
  if (silenced.status !== 0 || !silenced.stdout) throw new Error(lastLine(silenced.stderr) || 'the electron package returned no binary path');
  electronPath = silenced.stdout;
} catch (error) {
  fail(
    [
      "Electron's binary is not installed and could not be downloaded, so the app window cannot open on this machine.",
      `  (${error instanceof Error ? error.message : String(error)})`,
      '',
      'What you can do:',
      '  - on a machine with internet access, run `npx install-electron` once (or reinstall with `npm install`), then `npm start`;',
      '  - or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 distribution;',
      '  - without Electron, `npm run sandbox` runs the built-in Sandbox alone and `npm test` runs every test (the UI in Chromium).',
    ].join('\n'),
  );
}

console.log(`Starting Clerk Admin Desktop with Electron at ${electronPath}`);
const child = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'preview'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));

/** The line that says why the download failed (e.g. "TypeError: fetch failed"), not the stack. */
function lastLine(text) {
  const lines = (text || '').split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|certificate/i.test(line)) ?? lines.find((line) => line.startsWith('Error:'));
}

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}
