import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { splitKeys } from '../../../electron/services/audit/export-threads';
import { defaultExportWorker } from '../../../electron/services/audit/export-worker-location';

describe('splitKeys', () => {
  /** The ranges must tile lo..hi exactly: contiguous, in order, none empty. */
  function expectTiling(ranges: { after: number; through: number }[], lo: number, hi: number): void {
    expect(ranges[0].after).toBe(lo - 1);
    expect(ranges.at(-1)?.through).toBe(hi);
    ranges.forEach((range, k) => {
      expect(range.through).toBeGreaterThan(range.after);
      if (k > 0) expect(range.after).toBe(ranges[k - 1].through);
    });
  }

  it('gives each thread several parts of equal width', () => {
    const ranges = splitKeys(1, 1000, 500, 2);
    expect(ranges).toHaveLength(4);
    expectTiling(ranges, 1, 1000);
    expect(ranges.map((r) => r.through - r.after)).toEqual([250, 250, 250, 250]);
  });

  it('cuts a large export into more parts, so a part stays small', () => {
    const ranges = splitKeys(7, 1_000_006, 500_000, 2);
    expect(ranges).toHaveLength(63); // 500,000 changes / 8,000 per part
    expectTiling(ranges, 7, 1_000_006);
  });

  it('never makes more parts than keys, nor none', () => {
    expectTiling(splitKeys(5, 7, 3, 8), 5, 7);
    expect(splitKeys(5, 7, 3, 8)).toHaveLength(3);
    expect(splitKeys(0, -1, 0, 2)).toEqual([{ after: -1, through: -1 }]);
  });
});

describe('defaultExportWorker', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the TypeScript source through tsx when the code runs from sources', () => {
    const worker = defaultExportWorker();
    expect(String(worker?.url)).toMatch(/\/electron\/services\/audit\/export-worker\.ts$/);
    expect(worker?.execArgv).toEqual(['--import', expect.stringMatching(/^file:.*\/node_modules\/tsx\/dist\/loader\.mjs$/)]);
  });

  it('finds the bundled worker next to the main bundle, and none when the build lacks it', () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-bundle-'));
    const mainBundle = pathToFileURL(join(dir, 'index.js')).href;
    expect(defaultExportWorker(mainBundle)).toBeNull();
    writeFileSync(join(dir, 'audit-export-worker.js'), '');
    expect(defaultExportWorker(mainBundle)).toEqual({ url: pathToFileURL(join(dir, 'audit-export-worker.js')) });
  });
});
