/**
 * Naming the process that holds a SQLite file, from a stand-in /proc tree: a POSIX write lock on
 * the file or its -shm in /proc/locks wins; failing that, the processes with one of them open.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLockHolders } from '../../../electron/services/storage/lock-holder';
import { describeHolders, isDatabaseBusy, retryWhileBusy, DatabaseBusyError } from '../../../electron/services/storage/busy-retry';

let dir = '';
let proc = '';
let db = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-holder-'));
  proc = join(dir, 'proc');
  db = join(dir, 'app.sqlite');
  mkdirSync(proc);
  writeFileSync(db, '');
  writeFileSync(`${db}-shm`, '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function processEntry(pid: number, cmdline: string[], openFiles: string[]): void {
  mkdirSync(join(proc, String(pid), 'fd'), { recursive: true });
  writeFileSync(join(proc, String(pid), 'cmdline'), cmdline.join('\0') + '\0');
  writeFileSync(join(proc, String(pid), 'comm'), `${cmdline[0]}\n`);
  openFiles.forEach((file, fd) => symlinkSync(file, join(proc, String(pid), 'fd', String(fd + 3))));
}

describe('findLockHolders', () => {
  it('names the holder of a write lock on the -shm file, not mere readers, and never this process', () => {
    const shm = statSync(`${db}-shm`).ino;
    writeFileSync(
      join(proc, 'locks'),
      [`1: POSIX  ADVISORY  READ 300 08:01:${shm} 128 128`, `2: POSIX  ADVISORY  WRITE 200 08:01:${shm} 120 120`, `3: POSIX  ADVISORY  WRITE 100 08:01:${shm} 121 121`].join('\n'),
    );
    processEntry(200, ['sqlite3', db], [db, `${db}-shm`]);
    processEntry(300, ['reader'], [db]);
    expect(findLockHolders(db, { procRoot: proc, selfPid: 100 })).toEqual([{ pid: 200, command: `sqlite3 ${db}` }]);
  });

  it('falls back to the processes with the file open, and keeps their command on one line', () => {
    writeFileSync(join(proc, 'locks'), '');
    processEntry(200, ['node', '-e', 'line one\nline two'], ['/dev/null', `${db}-shm`]);
    processEntry(100, ['self'], [db]);
    processEntry(400, ['unrelated'], ['/dev/null']);
    expect(findLockHolders(db, { procRoot: proc, selfPid: 100 })).toEqual([{ pid: 200, command: 'node -e line one line two' }]);
  });

  it('knows nothing without a /proc (other systems)', () => {
    expect(findLockHolders(db, { procRoot: join(dir, 'missing') })).toEqual([]);
  });
});

describe('retryWhileBusy', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'ERR_SQLITE_ERROR', errcode: 5 });

  it('retries SQLITE_BUSY with growing pauses until the write succeeds', async () => {
    let clock = 0;
    const pauses: number[] = [];
    let attempts = 0;
    const result = await retryWhileBusy(
      () => {
        attempts += 1;
        if (attempts < 4) throw busy();
        return 'ok';
      },
      undefined,
      { now: () => clock, sleep: async (ms) => void (pauses.push(ms), (clock += ms)) },
    );
    expect(result).toBe('ok');
    expect(pauses).toEqual([10, 20, 40]);
  });

  it('gives up after the total with a DatabaseBusyError, and rethrows other errors at once', async () => {
    let clock = 0;
    const error = await retryWhileBusy(
      () => {
        throw busy();
      },
      undefined,
      { totalMs: 1000, now: () => clock, sleep: async (ms) => void (clock += ms) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as Error).message).toBe('another program has kept the database locked for 1.0 s');
    const other = new Error('disk I/O error');
    await expect(retryWhileBusy(() => { throw other; }, undefined)).rejects.toBe(other);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { errcode: 517 }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { errcode: 19 }))).toBe(false);
  });

  it('describes several holders', () => {
    expect(describeHolders([{ pid: 1, command: 'a' }, { pid: 2, command: '' }])).toBe('one of process 1 (a), process 2');
  });
});
