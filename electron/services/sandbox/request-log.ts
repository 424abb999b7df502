/**
 * The request log: one JSON line `{"method","route","status"}` per request, where `route` is the
 * seed's path template. It measures which endpoints the UI really exercises. With `detail`, each line
 * also carries the concrete `path` and the answer's time `ts` (ms), so a benchmark can count the
 * requests per record and per window (bench:bulk counts items sent twice from it).
 */
import { appendFileSync } from 'node:fs';

/** Appends request lines to a file (synchronously, so a reader sees every line once answered). */
export class RequestLog {
  private warned = false;

  constructor(
    private readonly file: string | undefined,
    private readonly detail = false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one answered request. A log that cannot be written is reported once, never fatal. */
  append(method: string, route: string, status: number, path?: string): void {
    if (!this.file) return;
    try {
      const line = this.detail ? { method, route, status, path, ts: this.now() } : { method, route, status };
      appendFileSync(this.file, `${JSON.stringify(line)}\n`);
    } catch (error) {
      if (!this.warned) console.error(`[sandbox] cannot write the request log ${this.file}: ${(error as Error).message}`);
      this.warned = true;
    }
  }
}
