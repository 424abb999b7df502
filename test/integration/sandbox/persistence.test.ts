/**
 * The Sandbox's data lives in its own SQLite file: it survives a restart (also on another port,
 * with the URLs it handed out following along), settings persist, and reset() re-seeds.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSandboxSecretKey, startSandbox } from '../../../electron/services/sandbox';
import { fileForm, tinyPng } from '../../support/sandbox/fixtures';
import { startTestSandbox } from '../../support/sandbox/test-sandbox';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('persistence', () => {
  it('keeps users, organizations, keys and settings across a restart on another port', async () => {
    const first = await startTestSandbox({ seedUsers: 25, plan: 'free' });
    dirs.push(first.dataDir);
    const user = (await first.api('POST', '/users', { body: { email_address: ['persist@example.com'], public_metadata: { kept: true } } })).body;
    const withImage = (await first.api('POST', `/users/${user.id}/profile_image`, { form: fileForm(tinyPng()) })).body;
    const org = (await first.api('POST', '/organizations', { body: { name: 'Persisted Org', created_by: user.id } })).body;
    const count = (await first.api('GET', '/users/count')).body.total_count;
    const firstPort = first.sandbox.port;
    await first.sandbox.close();
    expect(existsSync(join(first.dataDir, 'sandbox.sqlite'))).toBe(true);

    // Occupy the old port so the restart has to move.
    const blocker = await startSandbox({ dataDir: tempDir(), port: firstPort, seedUsers: 0 });
    const again = await startSandbox({ dataDir: first.dataDir, rateLimit: false });
    try {
      expect(again.port).not.toBe(firstPort);
      const auth = { Authorization: `Bearer ${first.key}` };
      const reloaded = (await (await fetch(`${again.baseUrl}/users/${user.id}`, { headers: auth })).json()) as any;
      expect(reloaded.public_metadata).toEqual({ kept: true });
      expect(reloaded.image_url).toBe(withImage.image_url.replace(`:${firstPort}/`, `:${again.port}/`));
      expect((await fetch(reloaded.image_url)).status).toBe(200);
      expect(((await (await fetch(`${again.baseUrl}/organizations/${org.id}`, { headers: auth })).json()) as any).name).toBe('Persisted Org');
      expect(((await (await fetch(`${again.baseUrl}/users/count`, { headers: auth })).json()) as any).total_count).toBe(count);
      expect(again.getSettings().plan).toBe('free');
      expect((await fetch(`${again.baseUrl}/saml_connections`, { headers: auth })).status).toBe(402);
    } finally {
      await again.close();
      await blocker.close();
    }
  });

  it('reuses its previous port when it is free', async () => {
    const t = await startTestSandbox({ seedUsers: 0 });
    dirs.push(t.dataDir);
    const port = t.sandbox.port;
    await t.sandbox.close();
    const again = await startSandbox({ dataDir: t.dataDir });
    expect(again.port).toBe(port);
    await again.close();
  });

  it('reset() wipes changes and restores the seed with the same IDs, even days later', async () => {
    let clock = 1_790_000_000_000;
    const now = () => clock;
    const t = await startTestSandbox({ seedUsers: 15, now });
    dirs.push(t.dataDir);
    const seeded = (await t.api('GET', '/users', { query: { limit: 500 } })).body;
    await t.api('POST', '/users', { body: { email_address: ['gone@example.com'] } });
    await t.api('DELETE', `/users/${seeded[0].id}`);
    clock += 3 * 86_400_000;
    await t.sandbox.reset();
    const after = (await t.api('GET', '/users', { query: { limit: 500 } })).body;
    expect(after).toEqual(seeded);
    await t.cleanup();
  });

  it('refuses bad options with clear messages', async () => {
    await expect(startSandbox({ dataDir: '' })).rejects.toThrow(/dataDir is required/);
    await expect(startSandbox({ dataDir: tempDir(), port: 70000 })).rejects.toThrow(/port must be/);
    await expect(startSandbox({ dataDir: tempDir(), secretKeys: ['pk_live_nope'] })).rejects.toThrow(/sk_test_/);
    await expect(startSandbox({ dataDir: tempDir(), rateLimit: { requests: 0, windowMs: 1 } })).rejects.toThrow(/requests/);
    expect(generateSandboxSecretKey()).not.toBe(generateSandboxSecretKey());
  });
});
