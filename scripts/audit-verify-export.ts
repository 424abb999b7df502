/**
 * `npm run audit:verify-export -- <export file> [--digest <digest file>] [--fingerprint <hex>]`: checks
 * an exported audit log with no app and no keychain. The digest file beside the export
 * (`<export>.digest.json`) carries the public key; anyone can make a key, so the check only proves
 * the log is the app's when that key's fingerprint is the one the app shows in Audit log → Verify
 * integrity: pass it as `--fingerprint` (spaces and case ignored) to have it required. Checked: the digest file's signature, the export's size and SHA-256
 * (so any edit of a CSV, NDJSON or OCSF file is refused), every digest's and checkpoint's signature
 * and link, and for a full NDJSON export (no filter) the whole hash chain up to the export's seal,
 * each digest sealing the record before it. Exits 0 when it all holds, 1 naming what failed.
 */
import { parseArgs } from 'node:util';
import { verifyExportFile } from '../electron/services/audit/export-verify';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { digest: { type: 'string' }, fingerprint: { type: 'string' } } });
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('usage: npm run audit:verify-export -- <export file> [--digest <digest file>] [--fingerprint <the app\'s key fingerprint>]');
  process.exit(64);
}
const normalise = (fingerprint: string) => fingerprint.replace(/\s+/g, '').toLowerCase();
const report = await verifyExportFile(file, values.digest);
for (const line of report.lines) console.log(line);
if (!report.ok) {
  console.error(`FAILED: ${report.problem}`);
  process.exit(1);
}
if (values.fingerprint === undefined) {
  console.log(`OK: the export verifies against the key it carries (${report.fingerprint}).`);
  console.log('That proves it is the app\'s log only if this is the fingerprint the app shows; pass --fingerprint <it> to require it.');
} else if (normalise(values.fingerprint) !== normalise(report.fingerprint ?? '')) {
  console.error(`FAILED: the export is signed with key ${report.fingerprint}, not the expected ${values.fingerprint}.`);
  process.exit(1);
} else {
  console.log(`OK: the export verifies, signed with the expected key ${report.fingerprint}.`);
}
