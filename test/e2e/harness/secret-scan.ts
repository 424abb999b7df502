/** Looks for a secret in every byte of a folder and in recorded IPC results. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The encodings a leaked key could be written in. */
function needles(secret: string): Buffer[] {
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))];
}

/** Every file below `dir` (including SQLite -wal/-shm files) whose bytes contain `secret`. */
export function filesContaining(dir: string, secret: string): { files: string[]; scanned: number } {
  const patterns = needles(secret);
  const files: string[] = [];
  let scanned = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        scanned++;
        const bytes = readFileSync(full);
        if (patterns.some((pattern) => bytes.includes(pattern))) files.push(relative(dir, full));
      }
    }
  };
  walk(dir);
  return { files, scanned };
}
