/**
 * The request log: one JSON line `{"method","route","status"}` per request, where `route` is the
 * seed's path template. It measures which endpoints the UI really exercises.
 */
import { appendFileSync } from 'node:fs';

/** Appends request lines to a file (synchronously, so a reader sees every line once answered). */
export class RequestLog {
  constructor(private readonly file: string | undefined) {}

  /** Records one answered request. */
  append(method: string, route: string, status: number): void {
    if (!this.file) return;
    appendFileSync(this.file, `${JSON.stringify({ method, route, status })}\n`);
  }
}
