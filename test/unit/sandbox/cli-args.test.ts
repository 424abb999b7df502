import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs } from '../../../electron/services/sandbox/cli-args';

describe('sandbox CLI arguments', () => {
  it('parses every option', () => {
    expect(
      parseCliArgs(['--port', '4000', '--data', 'dir', '--users', '100000', '--secret-key', 'sk_test_abcdefghijklmnop1234', '--rate-limit', '50/5', '--plan', 'free']),
    ).toEqual({ help: false, port: 4000, dataDir: 'dir', users: 100000, secretKey: 'sk_test_abcdefghijklmnop1234', rateLimit: { requests: 50, windowMs: 5000 }, plan: 'free' });
    expect(parseCliArgs(['--data=d', '--no-rate-limit'])).toMatchObject({ dataDir: 'd', port: 0, rateLimit: false });
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--port', '4000'], /--data <dir> is required/],
    [['--data', 'd', '--port', '70000'], /between 0 and 65535/],
    [['--data', 'd', '--port', 'abc'], /whole number/],
    [['--data'], /needs a value/],
    [['--data', 'd', '--users', '-3'], /whole number/],
    [['--data', 'd', '--secret-key', 'pk_test_x'], /sk_test_/],
    [['--data', 'd', '--rate-limit', 'fast'], /<requests>\/<seconds>/],
    [['--data', 'd', '--plan', 'gold'], /free or pro/],
    [['--data', 'd', '--verbose'], /unknown argument/],
  ])('explains %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
