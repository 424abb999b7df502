/**
 * A private Secret Service for tests: its own D-Bus session bus and an unlocked gnome-keyring in a
 * temp HOME, so keytar talks to a real keychain without touching the developer's own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running private keyring; its environment is applied to `process.env` while it runs. */
export interface PrivateKeyring {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const KEYRING_PASSWORD = 'test-keyring-password';

/** Starts dbus-daemon and gnome-keyring-daemon (unlocked) and points this process at them. */
export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  for (const tool of ['dbus-daemon', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} is not installed. Install the Debian packages dbus and gnome-keyring (see README, "System packages").`);
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'clerk-admin-keyring-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: join(home, '.local/share') };
  delete baseEnv.DBUS_SESSION_BUS_ADDRESS;

  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { env: baseEnv, stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await firstLine(bus);
  const env = { HOME: home, XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: address };

  const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env: { ...baseEnv, ...env },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin!.end(KEYRING_PASSWORD);
  await waitForSecretService(env);

  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  return {
    env,
    async stop() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await Promise.all([terminate(keyring), terminate(bus)]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(buffer.slice(0, end).trim());
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before printing its address`)));
  });
}

/** Waits until gnome-keyring owns org.freedesktop.secrets on the private bus. */
async function waitForSecretService(env: Record<string, string>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const probe = spawnSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    if (probe.stdout?.includes('boolean true')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('gnome-keyring-daemon did not register the Secret Service on the private D-Bus in 10 s.');
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
