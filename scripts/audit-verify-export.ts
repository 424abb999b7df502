/**
 * `npm run audit:verify-export -- <export file> [--digest <digest file>]`: checks an exported audit
 * log with no app and no keychain. It trusts the public key in the digest file beside the export
 * (`<export>.digest.json`) and prints its fingerprint: compare it with the one the app shows in
 * Audit log → Verify integrity. Checked: the digest file's signature, the export's size and SHA-256
 * (so any edit of a CSV, NDJSON or OCSF file is refused), every digest's and checkpoint's signature
 * and link, and for a full NDJSON export (no filter) the whole hash chain up to the export's seal,
 * each digest sealing the record before it. Exits 0 when it all holds, 1 naming what failed.
 */
import { parseArgs } from 'node:util';
import { verifyExportFile } from '../electron/services/audit/export-verify';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { digest: { type: 'string' } } });
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('usage: npm run audit:verify-export -- <export file> [--digest <digest file>]');
  process.exit(64);
}
const report = await verifyExportFile(file, values.digest);
for (const line of report.lines) console.log(line);
if (!report.ok) {
  console.error(`FAILED: ${report.problem}`);
  process.exit(1);
}
console.log('OK: the export verifies.');
