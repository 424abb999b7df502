/**
 * `npm run bench:sandbox [-- --users 100000 --runs 5 --seconds 3 --concurrency 16]`
 *
 * Requests per second of the Sandbox for `GET /users?limit=10` and `GET /users?limit=500&query=…`
 * on a large instance, over loopback. The Sandbox runs in a child process (`npm run sandbox`'s
 * CLI), the load generator in this process with a keep-alive agent, so client and server do not
 * share an event loop. Prints every run, the medians, the machine's cores, and ends with one JSON
 * line `{"users":…,"small_page_rps":…,"large_page_rps":…}`.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Options {
  users: number;
  runs: number;
  seconds: number;
  concurrency: number;
  query: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { users: 100_000, runs: 5, seconds: 3, concurrency: 16, query: 'example' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const key = flag?.replace(/^--/, '') as keyof Options;
    if (!(key in options) || value === undefined) throw new Error(`unknown or incomplete option ${flag}; use --users, --runs, --seconds, --concurrency, --query`);
    if (key === 'query') options.query = value;
    else {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} needs a positive whole number`);
      options[key] = number;
    }
  }
  return options;
}

interface Server {
  baseUrl: string;
  secretKey: string;
  readyMs: number;
  stop: () => Promise<void>;
}

async function startServer(dataDir: string, users: number): Promise<Server> {
  const cli = resolve(import.meta.dirname, '../../electron/services/sandbox/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data', dataDir, '--users', String(users), '--no-rate-limit'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SANDBOX_REQUEST_LOG: '' },
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  let output = '';
  const started = Date.now();
  const ready = await new Promise<{ baseUrl: string; secretKey: string }>((done, fail) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{"baseUrl"'));
      if (line) done(JSON.parse(line));
    });
    child.on('exit', (code) => fail(new Error(`the Sandbox exited (${code}) before it was ready:\n${output}`)));
  });
  return {
    ...ready,
    readyMs: Date.now() - started,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Keeps `concurrency` requests in flight for `seconds`; returns completed requests per second. */
async function measure(url: string, key: string, seconds: number, concurrency: number, agent: Agent): Promise<{ rps: number; bytes: number }> {
  const target = new URL(url);
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  let bytes = 0;
  const once = () =>
    new Promise<void>((done, fail) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: { Authorization: `Bearer ${key}` } }, (res) => {
        if (res.statusCode !== 200) fail(new Error(`${url} answered ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => done());
      });
      req.on('error', fail);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await once();
        completed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rps: completed / elapsed, bytes: bytes / Math.max(1, completed) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
  console.log(`Sandbox benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
  console.log(`Server: child process (npm run sandbox CLI); client: this process, keep-alive agent, ${options.concurrency} concurrent requests`);
  const server = await startServer(join(dataDir, 'data'), options.users);
  console.log(`Seeded ${options.users} users and ready in ${server.readyMs} ms`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const scenarios = [
    { name: 'small_page', url: `${server.baseUrl}/users?limit=10` },
    { name: 'large_page', url: `${server.baseUrl}/users?limit=500&query=${encodeURIComponent(options.query)}` },
  ];
  const results: Record<string, number> = {};
  try {
    for (const scenario of scenarios) {
      await measure(scenario.url, server.secretKey, 1, options.concurrency, agent); // warm-up
      const runs: number[] = [];
      let size = 0;
      for (let run = 1; run <= options.runs; run++) {
        const { rps, bytes } = await measure(scenario.url, server.secretKey, options.seconds, options.concurrency, agent);
        runs.push(rps);
        size = bytes;
        console.log(`  ${scenario.name} run ${run}: ${rps.toFixed(0)} req/s`);
      }
      results[scenario.name] = Math.round(median(runs));
      console.log(`${scenario.name}: GET ${new URL(scenario.url).pathname}${new URL(scenario.url).search} → median ${results[scenario.name]} req/s over ${options.runs} runs of ${options.seconds} s (${(size / 1024).toFixed(1)} KiB per response)`);
    }
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ users: options.users, small_page_rps: results.small_page, large_page_rps: results.large_page }));
}

main().catch((error: unknown) => {
  console.error(`bench:sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
