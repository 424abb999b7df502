import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, appProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol';

// Real files in a temp dir: the renderer folder, a secret beside it, and symlinks in and out.
// Made at collection time, since the it.each tables below name paths in it.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'clerk-admin-app-protocol-')));
const root = join(base, 'renderer');

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'font file.woff2'), 'woff2');
  writeFileSync(join(base, 'secret.txt'), 'sk_live_secret');
  writeFileSync(join(base, 'renderer-evil.txt'), 'a sibling whose name starts with the root folder name');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(base, join(root, 'dir-out'));
  symlinkSync(join(root, 'index.html'), join(root, 'link-in.html'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const url = (path: string) => `${APP_ORIGIN}${path}`;

describe('resolveAppPath (app:// URL → file in the renderer folder)', () => {
  it('serves the files of the renderer folder, / as index.html', () => {
    expect(resolveAppPath(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, url('/'))).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ORIGIN)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, url('/assets/index-abc.js'))).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, url('/assets/font%20file.woff2?v=1#x'))).toBe(join(root, 'assets', 'font file.woff2'));
    expect(resolveAppPath(root, url('/link-in.html'))).toBe(join(root, 'index.html'));
  });

  it.each([
    ['dot-dot', '/../secret.txt'],
    ['encoded dot-dot', '/%2e%2e/secret.txt'],
    ['mixed-case encoded dot-dot', '/assets/%2E%2e/%2e%2E/secret.txt'],
    ['encoded slashes', '/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslashes', '/..%5csecret.txt'],
    ['a sibling with the same prefix', '/..%2frenderer-evil.txt'],
    ['an absolute path (empty segment)', `//${base.slice(1)}/secret.txt`],
    ['an encoded absolute path', `/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['a drive letter', '/C:%5cWindows%5cwin.ini'],
    ['NUL', '/index.html%00.js'],
    ['malformed escapes', '/%E0%A4%A'],
    ['a symlink to a file outside', '/link-out.txt'],
    ['a symlink to a folder outside', '/dir-out/secret.txt'],
    ['a folder', '/assets'],
    ['a folder with a slash', '/assets/'],
    ['a missing file', '/missing.js'],
  ])('refuses %s', (_name, path) => {
    expect(resolveAppPath(root, url(path))).toBeUndefined();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://clerk-admin.evil/index.html'],
    ['a port', 'app://clerk-admin:8080/index.html'],
    ['credentials', 'app://user:pw@clerk-admin/index.html'],
    ['no host', 'app:///index.html'],
    ['another scheme', 'file:///index.html'],
    ['not a URL', 'index.html'],
  ])('refuses a URL with %s', (_name, requestUrl) => {
    expect(resolveAppPath(root, requestUrl)).toBeUndefined();
  });

  it('refuses everything when the renderer folder is missing', () => {
    expect(resolveAppPath(join(base, 'nope'), APP_ENTRY_URL)).toBeUndefined();
  });
});

describe('appProtocolHandler', () => {
  const csp = "default-src 'none'; script-src 'self'";
  const handle = () => appProtocolHandler(root, csp);

  it('answers with the file, its type, the CSP header and nosniff', async () => {
    const page = await handle()(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>app</title>');
    const script = await handle()(new Request(url('/assets/index-abc.js')));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a path that escapes the folder, never its content', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/link-out.txt', '/assets%2f..%2f..%2fsecret.txt']) {
      const response = await handle()(new Request(url(path)));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('sk_live_secret');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle()(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle()(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
