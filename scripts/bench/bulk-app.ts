/**
 * The app process of `bench:bulk` and of the kill-and-resume integration test: the app's own
 * services (createAppServices: app database, audit log, profiles, clients, bulk job engine) on a
 * userData folder, talking to a Sandbox started by the parent. Run as a child process so the
 * parent can kill it (SIGKILL) mid-job and start another on the same folder.
 *
 *   tsx scripts/bench/bulk-app.ts <userDataDir> run <operation>[,<operation>…] <idsFile>
 *       creates, dry-runs and runs a job of each operation in turn, over the ids in the file
 *   tsx scripts/bench/bulk-app.ts <userDataDir> resume                        resumes every paused job
 *
 * The Sandbox's API URL and key come from BULK_API_URL and BULK_SECRET_KEY (never argv). The first
 * run creates a production profile (read-only off). Keys live in `<userDataDir>/secrets.json`: a
 * file, standing in for the OS keychain, which a killed and restarted process must find again.
 * Prints one JSON line per event on stdout: `profile`, `preview`, `progress` (every 250 ms), `end`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BulkOperationName } from '../../shared/ipc/bulk-jobs';
import { createAppServices } from '../../electron/services/app-services';
import type { SecretStore } from '../../electron/services/secrets/secret-store';

const [userDataDir, command, operation, idsFile] = process.argv.slice(2);
const apiUrl = process.env.BULK_API_URL;
const secretKey = process.env.BULK_SECRET_KEY;
if (!userDataDir || !command || !apiUrl || !secretKey) throw new Error('usage: bulk-app.ts <userDataDir> run <operation> <idsFile> | resume (with BULK_API_URL, BULK_SECRET_KEY)');

/** Secrets in a JSON file of the userData folder (see the module comment). */
function fileSecrets(file: string): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  return {
    get: async (account) => read()[account] ?? null,
    set: async (account, secret) => writeFileSync(file, JSON.stringify({ ...read(), [account]: secret })),
    delete: async (account) => {
      const all = read();
      const had = account in all;
      delete all[account];
      writeFileSync(file, JSON.stringify(all));
      return had;
    },
  };
}

/** Prints an event with the CPU time (ms) this process used so far, so the parent can tell what a job cost. */
const say = (event: Record<string, unknown>) => {
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ ...event, cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
};

const services = await createAppServices({ userDataDir, secrets: fileSecrets(join(userDataDir, 'secrets.json')), appVersion: '0.0.0-bench', sandbox: false });
let profile = (await services.profiles.list()).find((p) => p.name === 'Bench production');
if (!profile) {
  profile = await services.profiles.create({ name: 'Bench production', environment: 'production', apiUrl, secretKey, allowEnvironmentMismatch: true });
  await services.profiles.setReadOnly(profile.id, false);
}
say({ event: 'profile', profileId: profile.id });

/** Follows a job to its end with a progress line every 250 ms; prints its end. */
async function follow(jobId: string): Promise<void> {
  const timer = setInterval(() => {
    const status = services.bulk.status(jobId);
    say({ event: 'progress', jobId, done: status.counts.done, progress: status.progress, etaMs: status.etaMs, rateLimitedUntil: status.rateLimitedUntil });
  }, 250);
  const status = await services.bulk.settled(jobId);
  clearInterval(timer);
  say({ event: 'end', jobId, operation: status.operation, state: status.state, counts: status.counts, startedAt: status.startedAt, finishedAt: status.finishedAt, error: status.error });
}

if (command === 'run') {
  const ids = JSON.parse(readFileSync(idsFile, 'utf8')) as string[];
  for (const name of operation.split(',')) {
    const dryRunStarted = Date.now();
    const preview = await services.bulk.create({ profileId: profile.id, operation: name as BulkOperationName, items: ids.map((targetId) => ({ targetId })) });
    say({ event: 'preview', jobId: preview.job.jobId, operation: name, wouldChange: preview.wouldChange, skipped: preview.skipped, dryRunMs: Date.now() - dryRunStarted });
    // The typed confirmation a production profile needs: the number of items that will change.
    const started = await services.bulk.start(preview.job.jobId, preview.job.confirmPhrase ?? undefined);
    await follow(started.jobId);
  }
} else if (command === 'resume') {
  for (const job of services.bulk.list({ profileId: profile.id, resumable: true })) {
    await services.bulk.resume(job.jobId);
    await follow(job.jobId);
  }
} else {
  throw new Error(`unknown command ${command}`);
}
await services.close();
