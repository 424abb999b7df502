/**
 * vitest setup: every Sandbox a test starts writes its request log (`SANDBOX_REQUEST_LOG`), as the
 * app and `npm run sandbox` do; tests that read the log point the variable at their own file.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.SANDBOX_REQUEST_LOG ??= join(tmpdir(), `clerk-admin-sandbox-requests-${process.pid}.ndjson`);
