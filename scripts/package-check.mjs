#!/usr/bin/env node
// `npm run package:check`: proves electron-builder's config and what goes into the asar, where no
// Electron distribution can be downloaded: it packages (--dir) against a stand-in distribution
// folder, then checks the archive holds the built app and its native keychain module, and nothing
// that must not ship (sources, tests, the Sandbox's data, secrets).
// Fuses: electron-builder.yml's `electronFuses` is checked first (a missing or different fuse fails
// before anything is built); the stand-in "binary" carries an unflipped fuse wire, so electron-builder's
// own fuse step (@electron/fuses) flips it during packaging and the check reads back what it wrote.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fuseConfigProblems, fuseWireProblems, readFuseWire, standInBinary } from './electron-fuses.mjs';

const configProblems = fuseConfigProblems(parse(readFileSync('electron-builder.yml', 'utf8')).electronFuses);
if (configProblems.length > 0) {
  console.error(`package check failed (electron-builder.yml):\n  ${configProblems.join('\n  ')}`);
  process.exit(1);
}

const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const standIn = mkdtempSync(join(tmpdir(), 'electron-dist-'));
writeFileSync(join(standIn, 'electron'), standInBinary());
chmodSync(join(standIn, 'electron'), 0o755);
writeFileSync(join(standIn, 'version'), `v${version}`);
const output = mkdtempSync(join(tmpdir(), 'clerk-admin-package-'));
mkdirSync(output, { recursive: true });

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
run('npx', ['electron-builder', '--dir', '--linux', `-c.electronDist=${standIn}`, `-c.electronVersion=${version}`, `-c.directories.output=${output}`]);

const problems = [];

// The built page carries its CSP (it is also sent as a header by the app:// handler) and names its
// assets relative to the page, so they resolve under app://clerk-admin/.
const indexHtml = readFileSync(join('out', 'renderer', 'index.html'), 'utf8');
const metaCsp = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml)?.[1] ?? '')
  .replaceAll('&#39;', "'")
  .replaceAll('&quot;', '"')
  .replaceAll('&amp;', '&');
for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'none'"]) {
  if (!metaCsp.split('; ').includes(directive)) problems.push(`out/renderer/index.html: the meta CSP lacks "${directive}"`);
}
if (/(src|href)="file:/.test(indexHtml)) problems.push('out/renderer/index.html refers to file: URLs');

const unpacked = join(output, 'linux-unpacked');
const binaries = readdirSync(unpacked)
  .filter((name) => statSync(join(unpacked, name)).isFile())
  .filter((name) => readFileSync(join(unpacked, name)).includes('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'));
if (binaries.length !== 1) problems.push(`expected one packaged binary with a fuse wire in linux-unpacked, found ${binaries.length}`);
else {
  const binary = readFileSync(join(unpacked, binaries[0]));
  problems.push(...fuseWireProblems(binary));
  console.log(`fuses in the packaged ${binaries[0]}: ${Object.entries(readFuseWire(binary)).map(([name, value]) => `${name}=${value}`).join(', ')}`);
}

const resources = join(output, 'linux-unpacked', 'resources');
const listing = spawnSync('npx', ['asar', 'list', join(resources, 'app.asar')], { encoding: 'utf8' }).stdout.split('\n');
for (const required of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/main/audit-export-worker.js', '/node_modules/zod/package.json', '/node_modules/keytar/package.json']) {
  if (!listing.includes(required)) problems.push(`missing from app.asar: ${required}`);
}
for (const entry of listing) {
  const ownFile = !entry.startsWith('/node_modules/');
  if (
    /^\/(electron|renderer|shared|test|scripts)\//.test(entry) ||
    (ownFile && /\.(ts|vue)$/.test(entry)) ||
    /\.sqlite/.test(entry) ||
    /\/(tests?|__tests__)\//.test(entry) ||
    entry.startsWith('/node_modules/electron/')
  ) {
    problems.push(`must not ship: ${entry}`);
  }
}
try {
  readFileSync(join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'));
} catch {
  problems.push('keytar.node is not unpacked next to app.asar (native modules cannot load from inside an archive)');
}
rmSync(standIn, { recursive: true, force: true });
rmSync(output, { recursive: true, force: true });

if (problems.length > 0) {
  console.error(`\npackage check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`\npackage check passed: ${listing.filter(Boolean).length} entries in app.asar, keytar.node unpacked, no sources or tests, every fuse flipped as electron-builder.yml says.`);
