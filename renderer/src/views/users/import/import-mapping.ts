/**
 * The users import's file handling (issue 10, item 3), without any UI: read a CSV (papaparse, a
 * header row) or JSON file (an array of objects) into records, suggest which Clerk field each
 * column goes to from its header, and turn every record into its POST /users body, checked with
 * the create form's own schema (`createUserBody`, which applies shared/clerk/user-rules.ts), so a
 * row the import sends is a row the form would send. Every problem names its row, its column and
 * the Clerk field.
 *
 * Metadata columns, two ways: a column mapped to "Public metadata (JSON)" holds a whole JSON
 * object per cell (what the users export writes); a column mapped to "Public metadata key" adds
 * one key named after the column (`plan`, or `public_metadata.plan` → `plan`), its cell read as
 * JSON when it parses (`true`, `3`, `{"a":1}`) and as text otherwise.
 */
import Papa from 'papaparse';
import { createUserBody } from '@shared/ipc/channels/users';

/** Where a column goes. `*_metadata.key`: one key of that metadata, named after the column. */
export type ImportField =
  | 'skip'
  | 'email_address'
  | 'phone_number'
  | 'username'
  | 'first_name'
  | 'last_name'
  | 'external_id'
  | 'web3_wallet'
  | 'password'
  | 'password_digest'
  | 'password_hasher'
  | 'public_metadata'
  | 'private_metadata'
  | 'unsafe_metadata'
  | 'public_metadata.key'
  | 'private_metadata.key'
  | 'unsafe_metadata.key';

/** The fields a column can be mapped to, as the mapping's select offers them. */
export const IMPORT_FIELDS: readonly { value: ImportField; label: string; hint: string }[] = [
  { value: 'skip', label: 'Don\u2019t import', hint: 'The column is left out.' },
  { value: 'email_address', label: 'Email address', hint: 'Several in one cell separated by ; (the first is primary).' },
  { value: 'phone_number', label: 'Phone number', hint: 'E.164, e.g. +14155550100; several separated by ;.' },
  { value: 'username', label: 'Username', hint: '4 to 64 letters, digits, - or _.' },
  { value: 'first_name', label: 'First name', hint: '' },
  { value: 'last_name', label: 'Last name', hint: '' },
  { value: 'external_id', label: 'External id', hint: 'Your system\u2019s id for the user.' },
  { value: 'web3_wallet', label: 'Web3 wallet', hint: '0x and 40 hex digits.' },
  { value: 'password', label: 'Password (plain text)', hint: '8 to 72 characters.' },
  { value: 'password_digest', label: 'Password digest', hint: 'Needs a hasher column too.' },
  { value: 'password_hasher', label: 'Password hasher', hint: 'bcrypt, argon2id, … (Clerk\u2019s list).' },
  { value: 'public_metadata', label: 'Public metadata (JSON object)', hint: 'A whole JSON object per cell.' },
  { value: 'private_metadata', label: 'Private metadata (JSON object)', hint: 'A whole JSON object per cell.' },
  { value: 'unsafe_metadata', label: 'Unsafe metadata (JSON object)', hint: 'A whole JSON object per cell.' },
  { value: 'public_metadata.key', label: 'Public metadata key', hint: 'One key named after the column.' },
  { value: 'private_metadata.key', label: 'Private metadata key', hint: 'One key named after the column.' },
  { value: 'unsafe_metadata.key', label: 'Unsafe metadata key', hint: 'One key named after the column.' },
];

/** Column name → field. */
export type ImportMapping = Record<string, ImportField>;

/** A file read into records: the column names in file order and one string-valued record per data row. */
export interface ImportFile {
  columns: string[];
  records: Record<string, string>[];
}

/** One problem of a row or of the mapping: `row` 0 means the mapping or the file itself. */
export interface ImportIssue {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** One row ready for `imports:users`. */
export interface ImportRow {
  rowNumber: number;
  body: Record<string, unknown>;
  row: Record<string, string>;
}

/** The most rows one file may have (the bulk job's limit). */
export const IMPORT_MAX_ROWS = 50_000;

/** Reads a CSV (with a header row) or a JSON array of objects; throws an Error with a sentence when it cannot. */
export function readImportFile(text: string, fileName: string): ImportFile {
  const isJson = /\.json$/i.test(fileName) || /^\s*\[/.test(text);
  const file = isJson ? readJson(text) : readCsv(text);
  if (file.records.length === 0) throw new Error('The file has no data rows.');
  if (file.records.length > IMPORT_MAX_ROWS) throw new Error(`The file has ${file.records.length.toLocaleString('en')} rows; an import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')}.`);
  return file;
}

function readCsv(text: string): ImportFile {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  // A single-column file has no delimiter to detect (harmless); broken quotes and extra cells are not.
  const fatal = parsed.errors.find((error) => error.type === 'Quotes' || error.code === 'TooManyFields');
  if (fatal) throw new Error(`The CSV could not be read${fatal.row !== undefined ? ` at row ${fatal.row + 1}` : ''}: ${fatal.message}.`);
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  return { columns, records: parsed.data.map((record) => Object.fromEntries(columns.map((c) => [c, record[c] ?? '']))) };
}

function readJson(text: string): ImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The JSON could not be read: ${(error as Error).message}`);
  }
  if (!Array.isArray(data) || !data.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) throw new Error('A JSON import must be an array of objects, one per user.');
  const columns = [...new Set((data as Record<string, unknown>[]).flatMap((item) => Object.keys(item)))];
  const cell = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('; ') : JSON.stringify(value));
  return { columns, records: (data as Record<string, unknown>[]).map((item) => Object.fromEntries(columns.map((c) => [c, cell(item[c])]))) };
}

// Header spellings (lower case, letters and digits only) per field.
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  email_address: ['email', 'emailaddress', 'emailaddresses', 'mail', 'emails', 'primaryemail', 'primaryemailaddress'],
  phone_number: ['phone', 'phonenumber', 'phonenumbers', 'mobile', 'tel', 'telephone', 'primaryphonenumber'],
  username: ['username', 'login', 'handle', 'userhandle'],
  first_name: ['firstname', 'givenname', 'first', 'forename'],
  last_name: ['lastname', 'surname', 'familyname', 'last'],
  external_id: ['externalid', 'external', 'crmid', 'legacyid'],
  web3_wallet: ['web3wallet', 'wallet', 'walletaddress'],
  password: ['password', 'plainpassword'],
  password_digest: ['passworddigest', 'passwordhash', 'hashedpassword', 'digest'],
  password_hasher: ['passwordhasher', 'hasher', 'hashalgorithm', 'hashingalgorithm'],
  public_metadata: ['publicmetadata'],
  private_metadata: ['privatemetadata'],
  unsafe_metadata: ['unsafemetadata'],
};
const METADATA_KEY_PREFIX = /^(public|private|unsafe)_?metadata[.:](.+)$/i;

/** The field a header suggests (the users export's own columns map to themselves; unknown ones are skipped). */
export function suggestField(header: string): ImportField {
  const prefixed = METADATA_KEY_PREFIX.exec(header.trim());
  if (prefixed) return `${prefixed[1].toLowerCase()}_metadata.key` as ImportField;
  const folded = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [field, names] of Object.entries(SYNONYMS)) if (names?.includes(folded)) return field as ImportField;
  return 'skip';
}

/** A mapping suggested from every header; a field only one column can feed goes to the first that suggests it. */
export function suggestMapping(columns: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>();
  return Object.fromEntries(
    columns.map((column) => {
      let field = suggestField(column);
      if (field !== 'skip' && isSingle(field) && taken.has(field)) field = 'skip';
      taken.add(field);
      return [column, field];
    }),
  );
}

/** The metadata key a `*_metadata.key` column adds: its name without a `public_metadata.` prefix. */
export function metadataKeyOf(column: string): string {
  return METADATA_KEY_PREFIX.exec(column.trim())?.[2] ?? column.trim();
}

const LIST_FIELDS: readonly ImportField[] = ['email_address', 'phone_number', 'web3_wallet'];
function isSingle(field: ImportField): boolean {
  return !LIST_FIELDS.includes(field) && !field.endsWith('.key');
}

/** Problems of the mapping itself: a single field fed by two columns, or no column that identifies a user. */
export function mappingIssues(mapping: ImportMapping): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const byField = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping)) byField.set(field, [...(byField.get(field) ?? []), column]);
  for (const [field, columns] of byField) {
    if (field !== 'skip' && isSingle(field) && columns.length > 1) issues.push({ row: 0, column: columns.join(', '), field, message: `Only one column can be ${labelOf(field)}: ${columns.join(' and ')} both are.` });
  }
  if (!['email_address', 'phone_number', 'username', 'external_id'].some((field) => byField.has(field as ImportField))) {
    issues.push({ row: 0, column: '', field: '', message: 'Map at least one column to Email address, Phone number, Username or External id: each user needs one, and the import finds users by them.' });
  }
  return issues;
}

function labelOf(field: ImportField): string {
  return IMPORT_FIELDS.find((f) => f.value === field)?.label ?? field;
}

/** Every record as its POST /users body, and every problem (row, column, field, message) found before anything is sent. */
export function buildImportRows(file: ImportFile, mapping: ImportMapping): { rows: ImportRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [...mappingIssues(mapping)];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  file.records.forEach((record, index) => {
    const rowNumber = index + 1;
    const { body, columnOf, problems } = bodyOf(record, mapping);
    const rowIssues: ImportIssue[] = problems.map((p) => ({ row: rowNumber, ...p }));
    const parsed = createUserBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        rowIssues.push({ row: rowNumber, column: columnOf(String(issue.path[0] ?? '')), field, message: issue.message });
      }
    }
    if (!['email_address', 'phone_number', 'username', 'external_id'].some((f) => body[f] !== undefined)) {
      rowIssues.push({ row: rowNumber, column: '', field: '', message: 'The row has no email, phone number, username or external id.' });
    }
    // The same identifier twice in the file: the second would clash with the first once created.
    for (const [field, values] of identifiersOf(body)) {
      for (const value of values) {
        const key = `${field}:${value.toLowerCase()}`;
        const first = seen.get(key);
        if (first !== undefined) rowIssues.push({ row: rowNumber, column: columnOf(field), field, message: `${value} is also in row ${first}.` });
        else seen.set(key, rowNumber);
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0) rows.push({ rowNumber, body, row: record });
  });
  return { rows, issues };
}

function identifiersOf(body: Record<string, unknown>): [string, string[]][] {
  return (['email_address', 'phone_number', 'username', 'external_id'] as const).map((field) => {
    const value = body[field];
    return [field, Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []];
  });
}

// One record's body: empty cells are left out; lists split on ; (or ,); metadata parsed as JSON.
function bodyOf(record: Record<string, string>, mapping: ImportMapping) {
  const body: Record<string, unknown> = {};
  const columns = new Map<string, string>();
  const problems: Omit<ImportIssue, 'row'>[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    const cell = (record[column] ?? '').trim();
    if (field === 'skip' || cell === '') continue;
    if (LIST_FIELDS.includes(field)) {
      body[field] = [...((body[field] as string[] | undefined) ?? []), ...cell.split(/[;,]/).map((v) => v.trim()).filter(Boolean)];
      columns.set(field, column);
    } else if (field.endsWith('.key')) {
      const kind = field.slice(0, -'.key'.length);
      body[kind] = { ...((body[kind] as Record<string, unknown> | undefined) ?? {}), [metadataKeyOf(column)]: jsonOrText(cell) };
      columns.set(kind, column);
    } else if (field.endsWith('_metadata')) {
      try {
        const value: unknown = JSON.parse(cell);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        body[field] = { ...((body[field] as Record<string, unknown> | undefined) ?? {}), ...(value as Record<string, unknown>) };
      } catch {
        problems.push({ column, field, message: 'Must be a JSON object, e.g. {"plan": "pro"}.' });
      }
      columns.set(field, column);
    } else {
      body[field] = cell;
      columns.set(field, column);
    }
  }
  return { body, columnOf: (field: string) => columns.get(field) ?? '', problems };
}

function jsonOrText(cell: string): unknown {
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
}
