/**
 * `npm run bench:audit [-- --records 1000000 --export-runs 3 --in-process]`: measures the audit log on this machine.
 *   1. committed appends/s: each record (intent or outcome) its own transaction, the log signed as
 *      the app signs it (a signed digest every 1,000 records, the key in an in-memory secret store);
 *   2. filtered page and full-text search latency (p50) over a log of `--records` records;
 *   3. export time of the whole log per format (median of `--export-runs`; worker threads, as the
 *      app exports, with the signed digest file; `--in-process` adds one run without them) and
 *      verify time (hash chain, digest signatures and links).
 * Targets: ≥ 5,000 appends/s, a filtered page < 50 ms, export and verify of 1M records < 10 s.
 * The last line is one JSON object with the headline numbers.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AuditLog,
  openAuditLog,
  type AuditExportFormat,
  type AuditExportResult,
  type AuditFile,
  type AuditFilter,
  type IntentInput,
  type OutcomeInput,
  type OwnedAuditLog,
} from '../../electron/services/audit';
import { loadAuditSigning } from '../../electron/services/audit/signing-key';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { exportChanges } from '../../electron/services/audit/export';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'append-seconds': { type: 'string', default: '2' },
    'append-runs': { type: 'string', default: '3' },
    runs: { type: 'string', default: '60' },
    'export-runs': { type: 'string', default: '3' },
    'in-process': { type: 'boolean', default: false },
  },
});
const RECORDS = Number(values.records);
const APPEND_SECONDS = Number(values['append-seconds']);
const RUNS = Number(values.runs);
const APPEND_RUNS = Math.max(1, Number(values['append-runs']));
const EXPORT_RUNS = Math.max(1, Number(values['export-runs']));
const COMPARE_IN_PROCESS = values['in-process'];
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
const say = (line: string) => console.log(line);

/** A secret store in memory: the benchmark measures the log, not the keychain. */
function memorySecrets(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
  };
}

async function benchAppends(path: string, synchronous: 'NORMAL' | 'FULL', signed = true): Promise<{ perSecond: number; digests: number }> {
  const log = openAuditLog(path, { actor: { user: 'bench', host: 'bench' } });
  if (signed) await log.useSigning(loadAuditSigning(memorySecrets()));
  log.db.exec(`PRAGMA synchronous = ${synchronous}`);
  const data = makeGenerator(7, Date.now());
  let records = 0;
  const started = performance.now();
  const until = started + APPEND_SECONDS * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) {
      const change = data.change();
      const intent = log.appendIntent(change.intent);
      records++;
      if (change.outcome) {
        log.appendOutcome(intent.seq, change.outcome);
        records++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const digests = (log.db.prepare("SELECT count(*) AS n FROM audit_records WHERE kind = 'digest'").get() as { n: number }).n;
  await log.stopSigning();
  log.close();
  return { perSecond: records / seconds, digests };
}

function generate(log: OwnedAuditLog, records: number): { filters: [string, AuditFilter][]; searches: string[] } {
  const started = performance.now();
  const data = makeGenerator(42, Date.now() - 180 * 86_400_000, (180 * 86_400_000) / (records / 2));
  let written = 0;
  while (written < records) {
    log.appendBatch(() => {
      for (let n = 0; n < 5_000 && written < records; n++) {
        const change = data.change();
        const intent = log.appendIntent(change.intent);
        written++;
        if (change.outcome && written < records) {
          log.appendOutcome(intent.seq, change.outcome);
          written++;
        }
      }
    });
    if (written % 100_000 < 5_000) process.stdout.write(`\r  generating (bulk path, still chained): ${written.toLocaleString('en')} records`);
  }
  const size = statSync(join(dir, 'log.sqlite')).size;
  say(`\r  generated ${written.toLocaleString('en')} records (${log.count().toLocaleString('en')} changes) in ${((performance.now() - started) / 1000).toFixed(1)} s; file ${(size / 1e6).toFixed(0)} MB`);
  return data.samples(log.clock());
}

function benchQueries(log: OwnedAuditLog, filters: [string, AuditFilter][]): number {
  say('filtered page (100 rows, newest first), p50 / p95 over runs:');
  const all: number[] = [];
  for (const [name, filter] of filters) {
    const times = timeRuns(() => log.list(filter, { limit: 100 }));
    all.push(...times);
    say(`  ${name.padEnd(46)} ${fmt(percentile(times, 50))} / ${fmt(percentile(times, 95))} ms  (${log.list(filter, { limit: 100 }).rows.length} rows)`);
  }
  const profileId = filters.find(([, filter]) => filter.profileId)?.[1].profileId;
  const keyset = timeRuns(() => {
    const first = log.list({ profileId }, { limit: 100 });
    return log.list({ profileId }, { limit: 100, before: first.nextBefore ?? undefined });
  }).map((ms) => ms / 2);
  say(`  ${'next page by keyset (profile)'.padEnd(46)} ${fmt(percentile(keyset, 50))} ms`);
  const p50 = percentile(all, 50);
  say(`  all filtered pages: p50 ${fmt(p50)} ms, p95 ${fmt(percentile(all, 95))} ms`);
  return p50;
}

function benchSearch(log: OwnedAuditLog, searches: string[]): number {
  say(`free-text search (${log.searchMode}, 100 rows, newest first):`);
  const all: number[] = [];
  for (const text of searches) {
    const times = timeRuns(() => log.list({ text }, { limit: 100 }));
    all.push(...times);
    say(`  ${JSON.stringify(text).padEnd(46)} ${fmt(percentile(times, 50))} ms  (${log.list({ text }, { limit: 100 }).rows.length} rows)`);
  }
  const p50 = percentile(all, 50);
  say(`  all searches: p50 ${fmt(p50)} ms`);
  return p50;
}

/**
 * Each format's export time: the median of `EXPORT_RUNS` runs (the machine is shared, and one run
 * can land on a busy moment). With `--in-process`, also one run without worker threads, for comparison.
 */
async function benchExports(log: OwnedAuditLog): Promise<Record<AuditExportFormat, number>> {
  const out = {} as Record<AuditExportFormat, number>;
  const inProcess = new AuditLog(log.db, { exportWorker: false });
  for (const format of ['ndjson', 'csv', 'ocsf'] as const) {
    const path = join(dir, `export.${format}`);
    const times: number[] = [];
    let result: AuditExportResult | undefined;
    for (let run = 0; run < EXPORT_RUNS; run++) {
      const started = performance.now();
      result = await exportChanges(log, {}, { format, path });
      times.push((performance.now() - started) / 1000);
      rmSync(path);
    }
    out[format] = percentile(times, 50);
    const runs = times.map((t) => t.toFixed(2)).join(', ');
    say(`export ${format.padEnd(6)}: ${out[format].toFixed(2)} s median (runs ${runs}) for ${result?.changes.toLocaleString('en')} changes, ${((result?.bytes ?? 0) / 1e6).toFixed(0)} MB, load ${loadavg()[0].toFixed(2)}`);
    if (COMPARE_IN_PROCESS) {
      const started = performance.now();
      await exportChanges(inProcess, {}, { format, path });
      say(`  in-process, for comparison: ${((performance.now() - started) / 1000).toFixed(2)} s`);
      rmSync(path);
    }
  }
  return out;
}

async function benchVerify(log: OwnedAuditLog): Promise<number> {
  const started = performance.now();
  const result = await log.verify();
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`verify failed: ${result.problem.message}`);
  say(`verify: ${seconds.toFixed(2)} s for ${result.checked.toLocaleString('en')} records`);
  return seconds;
}

function timeRuns(run: () => unknown): number[] {
  run(); // warm the statement and page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function fmt(ms: number): string {
  return ms.toFixed(2).padStart(7);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

// ---- synthetic but realistic changes: several profiles and admins, user and organization
// actions with before/after states, uploads, errors, a few intents left without an outcome.

type Change = { intent: IntentInput; outcome?: OutcomeInput };

const FIRST = ['Ann', 'Bob', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Joao', 'Kemal', 'Lena'];
const LAST = ['Lee', 'Smith', 'Okafor', 'Garcia', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Tanaka', 'Silva'];
const ACTORS = [['alice', 'alice-mbp'], ['bruno', 'ops-1'], ['carol', 'carol-x1'], ['dmitri', 'ops-1'], ['erin', 'erin-xps'], ['farah', 'ops-2']];
const ACTIONS: { action: string; method: IntentInput['method']; route: string; kind: 'user' | 'organization' | 'session' | 'invitation' | 'sign_in_token'; state?: true; weight: number }[] = [
  { action: 'users.update', method: 'PATCH', route: '/users/{user_id}', kind: 'user', state: true, weight: 30 },
  { action: 'users.metadata.update', method: 'PATCH', route: '/users/{user_id}/metadata', kind: 'user', state: true, weight: 15 },
  { action: 'users.ban', method: 'POST', route: '/users/{user_id}/ban', kind: 'user', state: true, weight: 3 },
  { action: 'users.unban', method: 'POST', route: '/users/{user_id}/unban', kind: 'user', state: true, weight: 2 },
  { action: 'users.create', method: 'POST', route: '/users', kind: 'user', weight: 10 },
  { action: 'users.delete', method: 'DELETE', route: '/users/{user_id}', kind: 'user', state: true, weight: 2 },
  { action: 'organizations.update', method: 'PATCH', route: '/organizations/{organization_id}', kind: 'organization', state: true, weight: 10 },
  { action: 'organizations.logo.update', method: 'PUT', route: '/organizations/{organization_id}/logo', kind: 'organization', state: true, weight: 2 },
  { action: 'sessions.revoke', method: 'POST', route: '/sessions/{session_id}/revoke', kind: 'session', weight: 10 },
  { action: 'invitations.create', method: 'POST', route: '/invitations', kind: 'invitation', weight: 12 },
  { action: 'sign_in_tokens.create', method: 'POST', route: '/sign_in_tokens', kind: 'sign_in_token', weight: 4 },
];
const WEIGHTS = ACTIONS.reduce((sum, a) => sum + a.weight, 0);

function makeGenerator(seed: number, startMs: number, stepMs = 1) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const id = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(10, '0')}${(n * 7919).toString(36)}`;
  const profiles = Array.from({ length: 8 }, (_, i) => ({ id: id('prof', i + 1), name: `Customer ${i + 1} ${i % 3 === 0 ? 'Production' : 'Staging'}`, environment: i % 3 === 0 ? 'production' : 'staging' }));
  let clock = startMs;
  let count = 0;
  const seen = { userId: '', bulkId: '', email: '', orgName: '' };

  const user = (n: number) => {
    const first = FIRST[n % FIRST.length];
    const last = LAST[(n >> 3) % LAST.length];
    return {
      object: 'user', id: id('user', n), first_name: first, last_name: last, username: `${first}.${last}${n}`.toLowerCase(),
      email_addresses: [{ id: id('idn', n), object: 'email_address', email_address: `${first}.${last}.${n}@example.com`.toLowerCase(), verification: { status: 'verified', strategy: 'email_code' } }],
      primary_email_address_id: id('idn', n), public_metadata: { plan: pick(['free', 'pro', 'team']), seats: n % 50 }, private_metadata: {},
      banned: false, locked: false, password_enabled: true, totp_enabled: false, backup_code_enabled: false, two_factor_enabled: false,
      created_at: 1_700_000_000_000 + n, updated_at: 1_700_000_000_000 + n * 3, last_sign_in_at: 1_700_000_000_000 + n * 7,
    };
  };
  const organization = (n: number) => ({ object: 'organization', id: id('org', n), name: `Org ${n} ${pick(LAST)}`, slug: `org-${n}`, members_count: n % 200, public_metadata: { tier: pick(['a', 'b']) }, created_at: 1_700_000_000_000 + n, updated_at: 1_700_000_000_000 + n });

  function change(): Change {
    count++;
    clock += stepMs;
    let roll = random() * WEIGHTS;
    const spec = ACTIONS.find((a) => (roll -= a.weight) < 0) ?? ACTIONS[0];
    const [actorUser, host] = pick(ACTORS);
    const n = Math.floor(random() * 50_000) + 1;
    const target = spec.kind === 'organization' ? organization(n % 5_000) : spec.kind === 'user' ? user(n) : { id: id(spec.kind === 'session' ? 'sess' : spec.kind === 'invitation' ? 'inv' : 'sit', count) };
    const path = spec.route.replace(/\{[a-z_]+\}/, target.id);
    const bulkId = count % 97 < 5 ? `bulk_${Math.floor(count / 97)}` : undefined;
    const intent: IntentInput = {
      ts: clock,
      actor: { user: actorUser, host },
      appVersion: '0.1.0',
      profile: profiles[Math.floor(random() * profiles.length)],
      instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
      action: spec.action,
      method: spec.method,
      route: spec.route,
      path,
      target: { type: spec.kind, id: target.id },
      bulkId,
    };
    let after: unknown = undefined;
    if (spec.state) {
      intent.statePath = spec.kind === 'user' ? `/users/${target.id}` : `/organizations/${target.id}`;
      intent.before = target;
      after = spec.method === 'DELETE' ? null : { ...target, updated_at: clock };
    }
    if (spec.action === 'users.update') intent.body = { first_name: pick(FIRST), last_name: pick(LAST) };
    if (spec.action === 'users.metadata.update') intent.body = { public_metadata: { plan: pick(['free', 'pro', 'team']) } };
    if (spec.action === 'users.create') intent.body = { email_address: [`new.${count}@example.org`], first_name: pick(FIRST), password: `pw-${count}-secret` };
    if (spec.action === 'organizations.update') intent.body = { name: `Org ${n} renamed`, max_allowed_memberships: 100 };
    if (spec.action === 'invitations.create') intent.body = { email_address: `invitee.${count}@example.net`, redirect_url: 'https://app.example.com/welcome', public_metadata: { team: pick(LAST) } };
    if (spec.action === 'sign_in_tokens.create') intent.body = { user_id: id('user', n), expires_in_seconds: 3600 };
    if (spec.action === 'organizations.logo.update') intent.files = [{ field: 'file', name: 'logo.png', type: 'image/png', size: 20_000 + n, sha256: 'ab'.repeat(32) } satisfies AuditFile];
    if (!seen.userId && spec.kind === 'user') seen.userId = target.id;
    if (!seen.email && spec.kind === 'user') seen.email = (target as ReturnType<typeof user>).email_addresses[0].email_address;
    if (!seen.bulkId && bulkId) seen.bulkId = bulkId;
    if (!seen.orgName && spec.kind === 'organization') seen.orgName = (target as ReturnType<typeof organization>).name;

    const roll2 = random();
    if (roll2 < 0.01) return { intent }; // outcome unknown
    const durationMs = 80 + Math.floor(random() * 400);
    if (roll2 < 0.07) {
      return { intent, outcome: { ts: clock + durationMs, outcome: 'clerk_error', status: 422, durationMs, traceId: `trace_${count}`, error: { kind: 'clerk', code: 'form_param_format_invalid', message: 'is invalid', paramName: 'first_name' } } };
    }
    if (roll2 < 0.1) return { intent, outcome: { ts: clock + durationMs, outcome: 'network_error', durationMs, error: { kind: 'network', code: 'timeout', message: 'api.clerk.com did not answer within 30 s' } } };
    const response = spec.state ? (spec.method === 'DELETE' ? { object: 'user', id: target.id, deleted: true } : undefined) : spec.kind === 'sign_in_token' ? { object: 'sign_in_token', id: id('sit', count), token: `tok_${count}`, url: `https://accounts.example.com/sign-in?__clerk_ticket=tok_${count}` } : { object: spec.kind, id: target.id };
    return { intent, outcome: { ts: clock + durationMs, outcome: 'success', status: 200, durationMs, traceId: `trace_${count}`, response, after, diff: spec.state && after ? [{ path: '/updated_at', before: (target as { updated_at: number }).updated_at, after: clock }] : undefined } };
  }

  function samples(now: number): { filters: [string, AuditFilter][]; searches: string[] } {
    const day = 86_400_000;
    return {
      filters: [
        ['none (newest page)', {}],
        ['profile', { profileId: profiles[3].id }],
        ['action exact (users.ban)', { action: 'users.ban' }],
        ['action prefix (organizations.)', { action: 'organizations.' }],
        ['target id', { targetId: seen.userId }],
        ['actor', { actor: 'carol' }],
        ['bulk id', { bulkId: seen.bulkId }],
        ['outcome clerk_error', { outcome: 'clerk_error' }],
        ['outcome network_error', { outcome: 'network_error' }],
        ['outcome unknown', { outcome: 'unknown' }],
        ['time: last 7 days', { from: now - 7 * day }],
        ['time: one day, 90 days ago', { from: now - 90 * day, to: now - 89 * day }],
        ['profile + users.* + clerk_error', { profileId: profiles[1].id, action: 'users.', outcome: 'clerk_error' }],
        ['actor + action + last 30 days', { actor: 'alice', action: 'users.update', from: now - 30 * day }],
      ],
      searches: [seen.email, seen.userId, 'Fatima', 'org renamed', seen.orgName, 'example.net'],
    };
  }

  return { change, samples };
}

async function main(): Promise<void> {
  try {
    say(`audit log benchmark: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    const appendRuns: { perSecond: number; digests: number }[] = [];
    for (let run = 0; run < APPEND_RUNS; run++) appendRuns.push(await benchAppends(join(dir, `append-${run}.sqlite`), 'NORMAL'));
    const appendPerSecond = percentile(appendRuns.map((r) => r.perSecond), 50);
    say(`committed appends: ${appendPerSecond.toFixed(0)}/s median (runs ${appendRuns.map((r) => r.perSecond.toFixed(0)).join(', ')}; each record its own transaction; WAL, synchronous=NORMAL as the app runs; signed, ${appendRuns[0].digests} digests in the first run)`);
    const unsigned = await benchAppends(join(dir, 'append-unsigned.sqlite'), 'NORMAL', false);
    say(`  for reference, without signing: ${unsigned.perSecond.toFixed(0)}/s`);
    const appendFull = await benchAppends(join(dir, 'append-full.sqlite'), 'FULL');
    say(`  for reference, synchronous=FULL (an fsync per commit, survives power loss): ${appendFull.perSecond.toFixed(0)}/s`);

    const log = openAuditLog(join(dir, 'log.sqlite'), { actor: { user: 'bench', host: 'bench' }, appVersion: 'bench' });
    // Signed as in the app: exports seal first and write their signed digest file; verify checks every signature.
    await log.useSigning(loadAuditSigning(memorySecrets()));
    const generated = generate(log, RECORDS);
    const queries = benchQueries(log, generated.filters);
    const search = benchSearch(log, generated.searches);
    const exports = await benchExports(log);
    const verify = await benchVerify(log);
    log.close();

    say(`load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (the machine is shared; numbers move with it)`);
    say(
      JSON.stringify({
        append_per_s: Math.round(appendPerSecond),
        query_ms_p50: round(queries, 2),
        search_ms_p50: round(search, 2),
        export_1m_s: round(Math.max(...Object.values(exports)), 2), // the slowest format's median
        verify_1m_s: round(verify, 2),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
