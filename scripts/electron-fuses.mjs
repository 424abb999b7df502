// The Electron fuses the packaged app must ship with, and the checks `npm run package:check` runs on
// them: electron-builder.yml's `electronFuses` must set each one as below, and the packaged binary's
// fuse wire must hold those values (electron-builder flips them with @electron/fuses after packing).

/** Each fuse, as electron-builder's `electronFuses` names it, with the value the app requires. */
export const REQUIRED_FUSES = Object.freeze({
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
});

// The fuse wire's layout (@electron/fuses, FuseVersion.V1): a sentinel, a version byte, a length
// byte, then one byte per fuse in this order.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const DISABLE = 0x30;
const ENABLE = 0x31;
const INHERIT = 0x90;

/** What is wrong with an `electronFuses` config (from electron-builder.yml): one line per fuse. */
export function fuseConfigProblems(electronFuses) {
  if (electronFuses == null || typeof electronFuses !== 'object') return ['electron-builder.yml has no electronFuses section'];
  const problems = [];
  for (const [name, required] of Object.entries(REQUIRED_FUSES)) {
    if (!(name in electronFuses)) problems.push(`electronFuses.${name} is missing (must be ${required})`);
    else if (electronFuses[name] !== required) problems.push(`electronFuses.${name} is ${JSON.stringify(electronFuses[name])} (must be ${required})`);
  }
  return problems;
}

/** The fuses a binary's wire holds: name → true, false or 'inherit' (never flipped). Throws without a wire. */
export function readFuseWire(binary) {
  const at = binary.indexOf(SENTINEL);
  if (at === -1) throw new Error('no Electron fuse wire in the binary');
  const version = binary[at + SENTINEL.length];
  if (version !== 1) throw new Error(`unknown fuse wire version ${version}`);
  const length = binary[at + SENTINEL.length + 1];
  const fuses = {};
  for (let i = 0; i < Math.min(length, WIRE_ORDER.length); i++) {
    const state = binary[at + SENTINEL.length + 2 + i];
    fuses[WIRE_ORDER[i]] = state === ENABLE ? true : state === DISABLE ? false : 'inherit';
  }
  return fuses;
}

/** What is wrong with the fuses a packaged binary holds. */
export function fuseWireProblems(binary) {
  let wire;
  try {
    wire = readFuseWire(binary);
  } catch (error) {
    return [`the packaged binary: ${error.message}`];
  }
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, required]) => wire[name] !== required)
    .map(([name, required]) => `the packaged binary's ${name} fuse is ${wire[name] ?? 'absent'} (must be ${required})`);
}

/**
 * A stand-in for an Electron binary's bytes: a shell script that refuses to run, followed by an
 * unflipped fuse wire as Electron 45 carries it, so electron-builder's fuse step has something real
 * to flip and the check can read back what it wrote.
 */
export function standInBinary() {
  const script = Buffer.from('#!/bin/sh\necho "stand-in for Electron: packaging check only" >&2\nexit 1\n');
  const wire = Buffer.from([...Buffer.from(SENTINEL), 1, WIRE_ORDER.length, ...WIRE_ORDER.map(() => INHERIT)]);
  return Buffer.concat([script, Buffer.from('# '), wire, Buffer.from('\n')]);
}
