/**
 * The redirect URL rule (shared by the channel schema and the add form) allows what Clerk allows and
 * refuses the rest with a reason, and agrees with the Sandbox's own rule on every case.
 */
import { describe, expect, it } from 'vitest';
import { redirectUrlProblem } from '../../../shared/redirect-urls/redirect-url-rule';
import { redirectUrlProblem as sandboxProblem } from '../../../electron/services/sandbox/validation/formats';

const ALLOWED = [
  'https://example.com/callback',
  'https://admin.example.com:8443/oauth/cb?x=1#y',
  'myapp://callback',
  'com.example.app://oauth/callback',
  'my-app+dev://cb',
  'http://localhost:3000/callback',
  'http://127.0.0.1/cb',
  'http://[::1]:8080/cb',
];

const REFUSED: [string, RegExp][] = [
  ['javascript:alert(1)', /javascript: URLs are refused/],
  ['JavaScript:alert(1)', /javascript: URLs are refused/],
  ['data:text/html,<script>alert(1)</script>', /data: URLs are refused/],
  ['vbscript:msgbox', /vbscript: URLs are refused/],
  ['file:///etc/passwd', /file: URLs are refused/],
  ['http://example.com/callback', /only for localhost and 127\.0\.0\.1/],
  ['http://localhost.evil.com/cb', /only for localhost/],
  ['example.com/callback', /not a URL/],
  ['myapp:callback', /needs :\/\/ and a path/],
  ['myapp://', /needs :\/\/ and a path/],
  ['https://exa mple.com', /no spaces/],
  ['', /Enter the redirect URL/],
  [`https://example.com/${'a'.repeat(2100)}`, /at most 2048/],
];

describe('redirectUrlProblem', () => {
  it.each(ALLOWED)('allows %s', (url) => {
    expect(redirectUrlProblem(url)).toBeUndefined();
  });

  it.each(REFUSED)('refuses %s with the reason', (url, reason) => {
    expect(redirectUrlProblem(url)).toMatch(reason);
  });

  it('trims before judging, as the channel does', () => {
    expect(redirectUrlProblem('  https://example.com/cb  ')).toBeUndefined();
  });

  it("agrees with the Sandbox's rule", () => {
    for (const url of ALLOWED) expect(sandboxProblem(url), url).toBeUndefined();
    // Case and length are the app's own stricter checks; the schemes and hosts must agree.
    for (const [url] of REFUSED.filter(([url]) => url !== '' && !url.startsWith('JavaScript') && url.length < 2048 && !url.includes(' '))) expect(sandboxProblem(url), url).toBeDefined();
  });
});
