/**
 * `npm run bench:bulk [-- --users 5000 --items 2000 --kill-after 800 --rate-only]`: the bulk job engine as the
 * app runs it, against a Sandbox limited like a production instance (1,000 requests / 10 s per key).
 * The Sandbox runs in this process; the app (createAppServices with a production profile, its
 * bulk job engine and audit log) runs in a child process (bulk-app.ts).
 *   1. ban, then unban, `--items` users (a dry run, then the job);
 *   2. with 5 % of requests refused (429, `Retry-After: 1`): ban with the app process killed
 *      (SIGKILL) once mid-job and the job resumed by a new process, then unban.
 * Counted from the Sandbox's request log: the achieved request rate as a share of the limit (the
 * mean of the full 10 s windows of the jobs' runs over the limit; target ≥ 0.95), items lost (not
 * changed at the end) and items sent twice (a ban or unban applied more than once: both must be 0);
 * from the app's audit log: changes recorded per item. Ends with one JSON line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import type { User } from '../../shared/clerk';
import { generateSandboxSecretKey, startSandbox } from '../../electron/services/sandbox';
import { APP_DATABASE_FILE } from '../../electron/services/storage/app-database';
import { achievedShare, appliedPerPath, duplicates, readLog, runApp, startApp, windowCounts, type AppEvent, type WindowCounts } from './bulk-harness';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '5000' },
    items: { type: 'string', default: '2000' },
    'kill-after': { type: 'string', default: '800' },
    /** Only the first part (ban then unban at the limit): for measuring the rate alone. */
    'rate-only': { type: 'boolean', default: false },
  },
});
const USERS = Number(values.users);
const ITEMS = Number(values.items);
const KILL_AFTER = Number(values['kill-after']);
const LIMIT = 1000;
const WINDOW_MS = 10_000;
const say = (line: string) => console.log(line);

const dir = mkdtempSync(join(tmpdir(), 'bulk-bench-'));
const logFile = join(dir, 'requests.jsonl');
const appKey = generateSandboxSecretKey();
const benchKey = generateSandboxSecretKey(); // the benchmark's own reads, on a budget of their own
say(`bench:bulk — ${cpus().length} cores, Sandbox with ${USERS} users, limit ${LIMIT} requests / ${WINDOW_MS / 1000} s per key, ${ITEMS} items`);

const seedStarted = Date.now();
const sandbox = await startSandbox({
  dataDir: join(dir, 'sandbox'),
  seedUsers: USERS,
  rateLimit: { requests: LIMIT, windowMs: WINDOW_MS },
  secretKeys: [appKey, benchKey],
  requestLogFile: logFile,
  requestLogDetail: true,
});
say(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s at ${sandbox.baseUrl}`);
const env = { apiUrl: sandbox.baseUrl, secretKey: appKey };

/** GET /users with the benchmark's key; an injected 429 is waited out and asked again. */
async function listUsers(params: URLSearchParams): Promise<User[]> {
  for (;;) {
    const response = await fetch(`${sandbox.baseUrl}/users?${params}`, { headers: { Authorization: `Bearer ${benchKey}` } });
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
      continue;
    }
    if (!response.ok) throw new Error(`GET /users answered ${response.status}`);
    return (await response.json()) as User[];
  }
}

/** Users among `ids` that are banned, read with the benchmark's key (pages of 100). */
async function bannedAmong(ids: readonly string[]): Promise<number> {
  let banned = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const params = new URLSearchParams({ limit: '100' });
    for (const id of ids.slice(i, i + 100)) params.append('user_id', id);
    banned += (await listUsers(params)).filter((user) => user.banned).length;
  }
  return banned;
}

// The items: the first ITEMS users that are neither banned nor locked.
const ids: string[] = [];
for (let offset = 0; ids.length < ITEMS; offset += 500) {
  const page = await listUsers(new URLSearchParams({ limit: '500', offset: String(offset), order_by: 'created_at' }));
  if (page.length === 0) throw new Error(`the Sandbox has fewer than ${ITEMS} users that are not banned`);
  ids.push(...page.filter((user) => !user.banned && !user.locked).map((user) => user.id));
}
ids.length = ITEMS;
const idsFile = join(dir, 'ids.json');
writeFileSync(idsFile, JSON.stringify(ids));
const userData = join(dir, 'app');
mkdirSync(userData);

interface Phase {
  name: string;
  jobId: string;
  windows: WindowCounts;
  /** Users the job's call was applied to (2xx), and how many extra times any was applied. */
  applied: number;
  duplicated: number;
}

/** A job's figures from the request log, over the time `from` (its first sending process's start) to its end. */
/**
 * The Sandbox stamps a log line after it has sent the answer, so on a loaded machine the app may
 * finish the job before the Sandbox writes its last lines: calls are counted up to this long after
 * the job's end (the next job of a run is another route, so nothing of it is counted here).
 */
const LOG_GRACE_MS = 5_000;

function phaseOf(name: string, end: AppEvent, route: string, from = Number(end.startedAt)): Phase {
  const to = Number(end.finishedAt);
  const lines = readLog(logFile).filter((line) => line.ts >= from && line.ts <= to + LOG_GRACE_MS);
  const applied = appliedPerPath(lines, 'POST', route);
  return { name, jobId: String(end.jobId), windows: windowCounts(lines, from, to, WINDOW_MS), applied: applied.size, duplicated: duplicates(applied) };
}

function report(phase: Phase, end: AppEvent, preview?: AppEvent): void {
  const seconds = (Number(end.finishedAt) - Number(end.startedAt)) / 1000;
  const dryRun = preview ? `dry run ${preview.dryRunMs} ms (${preview.wouldChange} would change), ` : '';
  say(`${phase.name}: ${dryRun}job ${String(end.state)} in ${seconds.toFixed(1)} s, ${phase.windows.requests} requests answered (+${phase.windows.refused} refused with 429), full 10 s windows ${JSON.stringify(phase.windows.windows)}`);
  if (preview) {
    // What the limit asks of the machine: the app process's CPU per request, and the share of one core it needs at the limit.
    const perRequest = (Number(end.cpuMs) - Number(preview.cpuMs)) / phase.windows.requests;
    say(`  app process CPU: ${perRequest.toFixed(2)} ms per request, ${((perRequest * LIMIT) / WINDOW_MS).toFixed(2)} of a core at the limit; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  }
}

/** Runs jobs of `operations` in turn in one app process; returns each job's figures. */
async function runJobs(label: string, operations: { name: string; route: string }[]): Promise<Phase[]> {
  const events = await runApp([userData, 'run', operations.map((op) => op.name).join(','), idsFile], env);
  const previews = events.filter((event) => event.event === 'preview');
  const ends = events.filter((event) => event.event === 'end');
  return operations.map((op, index) => {
    const phase = phaseOf(`${op.name}${label}`, ends[index], op.route);
    report(phase, ends[index], previews[index]);
    return phase;
  });
}

const BAN = { name: 'users.ban', route: '/users/{user_id}/ban' };
const UNBAN = { name: 'users.unban', route: '/users/{user_id}/unban' };

// 1. Ban then unban (one app process, as an administrator would run them), at a production limit.
const [ban, unban] = await runJobs('', [BAN, UNBAN]);
const share = achievedShare([ban.windows, unban.windows], LIMIT);

if (values['rate-only']) {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  say(JSON.stringify({ items: ITEMS, limit_per_10s: LIMIT, achieved_share: Number(share.toFixed(3)), duplicated: ban.duplicated + unban.duplicated }));
  process.exit(0);
}

// 2. With 5 % of requests refused: ban, killed once mid-job and resumed by a new process; then unban.
sandbox.setSettings({ injected429: { share: 0.05, retryAfterSeconds: 1 } });
const killed = startApp([userData, 'run', BAN.name, idsFile], env);
await killed.waitFor((event) => event.event === 'preview');
const faultFrom = Date.now();
const atKill = await killed.waitFor((event) => event.event === 'progress' && (event.done ?? 0) >= KILL_AFTER);
killed.child.kill('SIGKILL');
await killed.exited;
say(`users.ban with 429s: killed the app process (SIGKILL) with ${atKill.done} items done`);
const resumedEnd = (await runApp([userData, 'resume'], env)).findLast((event) => event.event === 'end')!;
const faultBan = phaseOf('users.ban with 429s, killed and resumed', resumedEnd, BAN.route, faultFrom);
report(faultBan, { ...resumedEnd, startedAt: faultFrom });
const bannedAfterResume = await bannedAmong(ids);
say(`  resumed job ${String(resumedEnd.state)}: ${faultBan.applied} bans applied, ${bannedAfterResume} of ${ITEMS} users banned`);
const [faultUnban] = await runJobs(' with 429s', [UNBAN]);
const shareWith429 = achievedShare([faultUnban.windows], LIMIT);
const bannedAtEnd = await bannedAmong(ids);
await sandbox.close();

// Lost: an item of a job that did not end changed (ban: not banned after; unban: still banned).
const lost = Math.max(0, ITEMS - ban.applied) + Math.max(0, ITEMS - unban.applied) + (ITEMS - bannedAfterResume) + bannedAtEnd;
const duplicated = ban.duplicated + unban.duplicated + faultBan.duplicated + faultUnban.duplicated;

// Changes in the audit log per item, for each job (each change is an intent with its outcome).
const db = new DatabaseSync(join(userData, APP_DATABASE_FILE), { readOnly: true });
const perItem = [ban, unban, faultBan, faultUnban].map((phase) => {
  const row = db
    .prepare("SELECT count(*) AS changes, count(o.seq) AS outcomes FROM audit_records i LEFT JOIN audit_records o ON o.kind = 'outcome' AND o.intent_seq = i.seq WHERE i.kind = 'intent' AND i.bulk_id = ?")
    .get(phase.jobId) as { changes: number; outcomes: number };
  return { name: phase.name, changes: row.changes / ITEMS, outcomes: row.outcomes / ITEMS };
});
db.close();
for (const item of perItem) say(`audit: ${item.name}: ${item.changes.toFixed(3)} changes per item, ${item.outcomes.toFixed(3)} with an outcome`);
say(`achieved share of the limit: ${share.toFixed(3)} (target ≥ 0.95); with 5 % 429s: ${shareWith429.toFixed(3)}; lost ${lost}; sent twice ${duplicated}`);
rmSync(dir, { recursive: true, force: true });

say(
  JSON.stringify({
    items: ITEMS,
    limit_per_10s: LIMIT,
    achieved_share: Number(share.toFixed(3)),
    share_with_429: Number(shareWith429.toFixed(3)),
    lost,
    duplicated,
    resumed: resumedEnd.state === 'done' ? 1 : 0,
    audit_changes_per_item: Number(perItem[0].changes.toFixed(3)),
  }),
);
