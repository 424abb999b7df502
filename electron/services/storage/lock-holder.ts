/**
 * Which other processes hold a SQLite file, so a "database is locked" can name them. Linux only
 * (procfs); elsewhere, or without permission, the answer is empty and callers say "another program".
 * The POSIX locks in /proc/locks say who holds a write lock on the file or its -wal/-shm; failing
 * that, the processes with one of them open (from /proc/<pid>/fd) are named.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';

/** A process that has the database file open (or locked). */
export interface LockHolder {
  pid: number;
  /** Its command line (shortened), or its name; empty when unreadable. */
  command: string;
}

/** The other processes holding `file` (never this one), write-lock holders first; empty when unknown. */
export function findLockHolders(file: string, options: { procRoot?: string; selfPid?: number } = {}): LockHolder[] {
  const proc = options.procRoot ?? '/proc';
  const self = options.selfPid ?? process.pid;
  const paths = relatedPaths(file);
  if (paths.length === 0) return [];
  try {
    const pids = writeLockers(proc, paths).filter((pid) => pid !== self);
    const candidates = pids.length > 0 ? pids : openers(proc, paths);
    return candidates.filter((pid) => pid !== self).map((pid) => ({ pid, command: commandOf(proc, pid) }));
  } catch {
    return [];
  }
}

function relatedPaths(file: string): string[] {
  const out: string[] = [];
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      out.push(realpathSync(path));
    } catch {
      // Missing (-wal and -shm come and go) or not a real file.
    }
  }
  return out;
}

// /proc/locks lines: "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 120 120" (pid -1 for OFD locks).
function writeLockers(proc: string, paths: string[]): number[] {
  let text: string;
  try {
    text = readFileSync(`${proc}/locks`, 'utf8');
  } catch {
    return [];
  }
  const inodes = new Set(paths.map((path) => String(statSync(path).ino)));
  const pids = new Set<number>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 6 || parts[3] !== 'WRITE') continue;
    const inode = parts[5].split(':')[2];
    const pid = Number(parts[4]);
    if (inode !== undefined && inodes.has(inode) && Number.isSafeInteger(pid) && pid > 0) pids.add(pid);
  }
  return [...pids];
}

function openers(proc: string, paths: string[]): number[] {
  const wanted = new Set(paths);
  const pids: number[] = [];
  for (const entry of readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`${proc}/${entry}/fd`);
    } catch {
      continue; // Gone, or another user's process.
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`${proc}/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      if (wanted.has(target)) {
        pids.push(Number(entry));
        break;
      }
    }
  }
  return pids;
}

function commandOf(proc: string, pid: number): string {
  try {
    const args = readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (args.length > 0) {
      // One line of plain text (an argument may hold newlines or control characters).
      const text = args.join(' ').replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
      return text.length > 120 ? `${text.slice(0, 119)}…` : text;
    }
  } catch {
    // Fall back to the short name.
  }
  try {
    return readFileSync(`${proc}/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
