/**
 * What `bench:bulk` and the kill-and-resume integration test share: starting the app process
 * (bulk-app.ts) as a child, following its JSON events, killing it (SIGKILL) at a point, and reading
 * the Sandbox's detailed request log (one line per answered request, with path and time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One event line of the app process. */
export type AppEvent = { event: string; jobId?: string; done?: number; [key: string]: unknown };

/** A running app process. */
export interface AppProcess {
  child: ChildProcess;
  events: AppEvent[];
  /** Resolves with the exit code (null when killed) once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves with the first event for which `test` holds. */
  waitFor(test: (event: AppEvent) => boolean): Promise<AppEvent>;
}

/** Starts bulk-app.ts with `args` against the Sandbox at `apiUrl` with `secretKey`. */
export function startApp(args: string[], env: { apiUrl: string; secretKey: string }): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bulk-app.ts'), ...args], {
    env: { ...process.env, BULK_API_URL: env.apiUrl, BULK_SECRET_KEY: env.secretKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: AppEvent[] = [];
  const watchers: { test: (event: AppEvent) => boolean; resolve: (event: AppEvent) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let event: AppEvent;
    try {
      event = JSON.parse(line) as AppEvent;
    } catch {
      return; // not an event (a stray log line)
    }
    events.push(event);
    for (const watcher of [...watchers]) {
      if (watcher.test(event)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(event);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    events,
    exited,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const seen = events.find(test);
        if (seen) return resolve(seen);
        watchers.push({ test, resolve });
        void exited.then((code) => reject(new Error(`the app process ended (exit ${code}) before the awaited event.\n${stderr.slice(-4000)}`)));
      }),
  };
}

/** Runs the app process to its end and returns its events; throws when it fails. */
export async function runApp(args: string[], env: { apiUrl: string; secretKey: string }): Promise<AppEvent[]> {
  const app = startApp(args, env);
  const ends = app.waitFor((event) => event.event === 'end');
  const code = await app.exited;
  await ends.catch(() => undefined);
  if (code !== 0) throw new Error(`the app process exited with ${code}: ${JSON.stringify(app.events.slice(-3))}`);
  return app.events;
}

/** One line of the detailed request log. */
export interface LogLine {
  method: string;
  route: string;
  status: number;
  path: string;
  ts: number;
}

/** The request log's lines (detailed: with path and time). */
export function readLog(file: string): LogLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

/** Per path, how many calls of `method route` were answered with a 2xx (applied). */
export function appliedPerPath(lines: readonly LogLine[], method: string, route: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.method === method && line.route === route && line.status >= 200 && line.status < 300) counts.set(line.path, (counts.get(line.path) ?? 0) + 1);
  }
  return counts;
}

/** The paths applied more than once, and how many extra times. */
export function duplicates(applied: Map<string, number>): number {
  let extra = 0;
  for (const count of applied.values()) extra += Math.max(0, count - 1);
  return extra;
}

/** Requests answered per window of a run, counted from its first request: the full windows only. */
export interface WindowCounts {
  /** Requests answered (not 429) in each full window. */
  windows: number[];
  /** 429s answered in the whole range. */
  refused: number;
  /** Requests answered (not 429) in the whole range. */
  requests: number;
}

/**
 * Counts the requests answered between `from` and `to` (ms) in consecutive windows of `windowMs`
 * from the first one; the last window, cut short by the end of the run, is left out.
 */
export function windowCounts(lines: readonly LogLine[], from: number, to: number, windowMs: number): WindowCounts {
  const inRange = lines.filter((line) => line.ts >= from && line.ts <= to);
  const accepted = inRange.filter((line) => line.status !== 429);
  const refused = inRange.length - accepted.length;
  if (accepted.length === 0) return { windows: [], refused, requests: 0 };
  const first = accepted[0].ts;
  const full = Math.floor((accepted[accepted.length - 1].ts - first) / windowMs);
  const windows = Array.from({ length: full }, () => 0);
  for (const line of accepted) {
    const index = Math.floor((line.ts - first) / windowMs);
    if (index < full) windows[index] += 1;
  }
  return { windows, refused, requests: accepted.length };
}

/** The achieved rate as a share of the limit: the mean of full windows' requests over `limit` (NaN with no full window). */
export function achievedShare(counts: readonly WindowCounts[], limit: number): number {
  const windows = counts.flatMap((count) => count.windows);
  return windows.length === 0 ? Number.NaN : windows.reduce((sum, n) => sum + n, 0) / windows.length / limit;
}
