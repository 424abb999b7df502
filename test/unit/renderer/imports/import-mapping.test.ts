/** The users import's file reading, mapping suggestion and row validation (renderer/src/views/users/import/import-mapping.ts). */
import { describe, expect, it } from 'vitest';
import { buildImportRows, mappingIssues, readImportFile, suggestMapping } from '../../../../renderer/src/views/users/import/import-mapping';
import { USER_CSV_COLUMNS } from '../../../../shared/ipc/exports';

const CSV = ['Email,First Name,Surname,CRM ID,plan,public_metadata.seats,Notes', 'ada@example.com,Ada,Lovelace,crm-1,pro,3,x', 'not-an-email,Bob,,crm-2,free,1,', 'cy@example.com;cy2@example.com,Cy,,crm-3,,,'].join('\n');

describe('reading a file', () => {
  it('reads a CSV with a header (papaparse) and a JSON array of objects', () => {
    const csv = readImportFile(CSV, 'users.csv');
    expect(csv.columns).toEqual(['Email', 'First Name', 'Surname', 'CRM ID', 'plan', 'public_metadata.seats', 'Notes']);
    expect(csv.records[0]).toMatchObject({ Email: 'ada@example.com', 'CRM ID': 'crm-1' });
    const json = readImportFile(JSON.stringify([{ email: 'a@example.com', tags: ['x', 'y'], public_metadata: { a: 1 } }]), 'u.json');
    expect(json.records[0]).toEqual({ email: 'a@example.com', tags: 'x; y', public_metadata: '{"a":1}' });
  });

  it('refuses what is not an import with a sentence', () => {
    expect(() => readImportFile('{"a":1}', 'u.json')).toThrow('array of objects');
    expect(() => readImportFile('[1,2]', 'u.json')).toThrow('array of objects');
    expect(() => readImportFile('email\n', 'u.csv')).toThrow('no data rows');
  });
});

describe('suggesting the mapping', () => {
  it('maps common header names and metadata-key columns, and skips the rest', () => {
    expect(suggestMapping(['Email', 'First Name', 'Surname', 'CRM ID', 'public_metadata.seats', 'Notes', 'Password Hash', 'hasher'])).toEqual({
      Email: 'email_address',
      'First Name': 'first_name',
      Surname: 'last_name',
      'CRM ID': 'external_id',
      'public_metadata.seats': 'public_metadata.key',
      Notes: 'skip',
      'Password Hash': 'password_digest',
      hasher: 'password_hasher',
    });
  });

  it('maps the users export\u2019s own columns back onto themselves (export, fix, import)', () => {
    const mapping = suggestMapping([...USER_CSV_COLUMNS]);
    expect(mapping).toMatchObject({ id: 'skip', email_address: 'email_address', external_id: 'external_id', public_metadata: 'public_metadata', private_metadata: 'private_metadata', banned: 'skip' });
  });

  it('feeds a single field from one column only, and needs an identifier column', () => {
    expect(suggestMapping(['first name', 'First_Name'])).toEqual({ 'first name': 'first_name', First_Name: 'skip' });
    expect(mappingIssues({ a: 'first_name', b: 'first_name', c: 'email_address' })[0].message).toContain('Only one column');
    expect(mappingIssues({ a: 'first_name' })[0].message).toContain('at least one column');
  });
});

describe('validating every row', () => {
  it('builds each body and reports the bad row with its row, column, field and the create form\u2019s message', () => {
    const file = readImportFile(CSV, 'users.csv');
    const mapping = { ...suggestMapping(file.columns), plan: 'public_metadata.key' as const };
    const { rows, issues } = buildImportRows(file, mapping);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3]);
    expect(rows[0].body).toEqual({ email_address: ['ada@example.com'], first_name: 'Ada', last_name: 'Lovelace', external_id: 'crm-1', public_metadata: { plan: 'pro', seats: 3 } });
    expect(rows[1].body.email_address).toEqual(['cy@example.com', 'cy2@example.com']);
    expect(issues).toEqual([{ row: 2, column: 'Email', field: 'email_address.0', message: 'not-an-email is not a valid email address.' }]);
  });

  it('reports bad metadata JSON, a short password, duplicates within the file and a row without an identifier', () => {
    const file = readImportFile(['email,meta,password,first', 'a@example.com,{oops,short,A', 'A@example.com,{},longenough,B', ',,,C'].join('\n'), 'u.csv');
    const { rows, issues } = buildImportRows(file, { email: 'email_address', meta: 'public_metadata', password: 'password', first: 'first_name' });
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [1, 'meta', 'Must be a JSON object, e.g. {"plan": "pro"}.'],
      [1, 'password', 'Passwords must be 8 characters or more.'],
      [2, 'email', 'A@example.com is also in row 1.'],
      [3, '', 'The row has no email, phone number, username or external id.'],
    ]);
  });
});
