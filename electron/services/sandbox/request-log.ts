/**
 * The request log: one JSON line `{"method","route","status"}` per request, where `route` is the
 * seed's path template. It measures which endpoints the UI really exercises.
 */
import { appendFileSync } from 'node:fs';

/** Appends request lines to a file (synchronously, so a reader sees every line once answered). */
export class RequestLog {
  private warned = false;

  constructor(private readonly file: string | undefined) {}

  /** Records one answered request. A log that cannot be written is reported once, never fatal. */
  append(method: string, route: string, status: number): void {
    if (!this.file) return;
    try {
      appendFileSync(this.file, `${JSON.stringify({ method, route, status })}\n`);
    } catch (error) {
      if (!this.warned) console.error(`[sandbox] cannot write the request log ${this.file}: ${(error as Error).message}`);
      this.warned = true;
    }
  }
}
