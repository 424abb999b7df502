import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fuseConfigProblems, fuseWireProblems, readFuseWire, REQUIRED_FUSES, standInBinary } from '../../../scripts/electron-fuses.mjs';

const config = parse(readFileSync('electron-builder.yml', 'utf8'));

describe('Electron fuses (package:check)', () => {
  it('electron-builder.yml sets every required fuse', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
    expect(fuseConfigProblems(config.electronFuses)).toEqual([]);
  });

  it('names a missing section, a missing fuse and a different value', () => {
    expect(fuseConfigProblems(undefined)).toEqual(['electron-builder.yml has no electronFuses section']);
    const { runAsNode: _dropped, ...missing } = REQUIRED_FUSES;
    expect(fuseConfigProblems(missing)).toEqual(['electronFuses.runAsNode is missing (must be false)']);
    expect(fuseConfigProblems({ ...REQUIRED_FUSES, onlyLoadAppFromAsar: false, grantFileProtocolExtraPrivileges: 'false' })).toEqual([
      'electronFuses.onlyLoadAppFromAsar is false (must be true)',
      'electronFuses.grantFileProtocolExtraPrivileges is "false" (must be false)',
    ]);
  });

  it('reads a binary fuse wire: the unflipped stand-in fails, a flipped one passes', () => {
    const binary = standInBinary();
    expect(Object.values(readFuseWire(binary))).toEqual(Array(8).fill('inherit'));
    expect(fuseWireProblems(binary)).toHaveLength(7);
    const wireStart = binary.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32 + 2;
    const order = Object.keys(readFuseWire(binary));
    for (const [name, value] of Object.entries(REQUIRED_FUSES)) binary[wireStart + order.indexOf(name)] = value ? 0x31 : 0x30;
    expect(fuseWireProblems(binary)).toEqual([]);
    binary[wireStart] = 0x31; // runAsNode back on
    expect(fuseWireProblems(binary)).toEqual(["the packaged binary's runAsNode fuse is true (must be false)"]);
    expect(fuseWireProblems(Buffer.from('#!/bin/sh\n'))).toEqual(['the packaged binary: no Electron fuse wire in the binary']);
  });
});
