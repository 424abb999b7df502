/**
 * Parses the arguments of `npm run sandbox -- --port <n> --data <dir> [--users N]
 * [--secret-key sk_test_…] [--no-rate-limit] [--rate-limit N/SECONDS] [--plan free|pro]`.
 */
import { SECRET_KEY_PATTERN } from './auth';
import type { SandboxSettings } from './settings';

/** Parsed command line. */
export interface CliArgs {
  help: boolean;
  port: number;
  dataDir: string;
  users?: number;
  secretKey?: string;
  rateLimit?: SandboxSettings['rateLimit'];
  plan?: SandboxSettings['plan'];
}

/** Usage text. */
export const USAGE = `Usage: npm run sandbox -- --data <dir> [options]

Runs the Clerk-compatible Sandbox on 127.0.0.1 and prints its base URL and a secret key.

Options:
  --data <dir>            folder for the Sandbox's database (created if missing; required)
  --port <n>              port to listen on (default 0 = any free port)
  --users <n>             users to seed when the database is created (default 300)
  --secret-key <key>      accept this key (sk_test_… or sk_live_…); default: mint a new one
  --rate-limit <n>/<s>    per-key budget, e.g. 100/10 (default 100 requests per 10 s)
  --no-rate-limit         turn the per-key rate limit off
  --plan <free|pro>       free makes the SAML endpoints answer 402 (default pro)
  -h, --help              show this help
Set SANDBOX_REQUEST_LOG=<file> to log one JSON line per request.`;

/** A command-line mistake (shown without a stack trace). */
export class CliError extends Error {
  override name = 'CliError';
}

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new CliError(`${flag} needs a whole number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  const number = Number(value);
  if (number < min || number > max) throw new CliError(`${flag} must be between ${min} and ${max}, got ${number}`);
  return number;
}

/** Parses `argv` (without the node and script entries). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: Partial<CliArgs> & { help: boolean; port: number } = { help: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new CliError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--port':
        args.port = integer('--port', value(), 0, 65535);
        break;
      case '--data':
        args.dataDir = value();
        break;
      case '--users':
        args.users = integer('--users', value(), 0, 10_000_000);
        break;
      case '--secret-key': {
        const key = value();
        if (!SECRET_KEY_PATTERN.test(key)) throw new CliError('--secret-key must look like sk_test_… or sk_live_… followed by at least 16 letters or digits');
        args.secretKey = key;
        break;
      }
      case '--no-rate-limit':
        args.rateLimit = false;
        break;
      case '--rate-limit': {
        const match = /^(\d+)\/(\d+)$/.exec(value());
        if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new CliError('--rate-limit must look like <requests>/<seconds>, e.g. 100/10');
        args.rateLimit = { requests: Number(match[1]), windowMs: Number(match[2]) * 1000 };
        break;
      }
      case '--plan': {
        const plan = value();
        if (plan !== 'free' && plan !== 'pro') throw new CliError(`--plan must be free or pro, got ${JSON.stringify(plan)}`);
        args.plan = plan;
        break;
      }
      default:
        throw new CliError(`unknown argument ${JSON.stringify(argv[i])}`);
    }
  }
  if (!args.help && !args.dataDir) throw new CliError('--data <dir> is required (the folder for the Sandbox database)');
  return args as CliArgs;
}
