/**
 * `npm run sandbox -- --port <n> --data <dir> …`: runs the Sandbox alone, prints its base URL and
 * a secret key (minted and registered when none is given, since only key hashes are stored),
 * then a machine-readable JSON line, and runs until SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { CliError, USAGE, parseCliArgs } from './cli-args';
import { describeSettings, generateSandboxSecretKey, startSandbox } from './index';

async function main(): Promise<void> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`sandbox: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const secretKey = args.secretKey ?? generateSandboxSecretKey();
  const started = Date.now();
  const sandbox = await startSandbox({
    dataDir: resolve(args.dataDir),
    port: args.port,
    secretKeys: [secretKey],
    rateLimit: args.rateLimit,
    plan: args.plan,
    seedUsers: args.users,
  });
  console.log(`Clerk Sandbox ready in ${Date.now() - started} ms (${describeSettings(sandbox.getSettings())})`);
  console.log(`  Base URL:   ${sandbox.baseUrl}`);
  console.log(`  Secret key: ${secretKey}`);
  console.log(`  Data:       ${resolve(args.dataDir)}`);
  console.log(JSON.stringify({ baseUrl: sandbox.baseUrl, port: sandbox.port, secretKey }));
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Received ${signal}, closing the Sandbox…`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`sandbox: ${message}`);
  process.exit(1);
});
