import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intentInput, successOutcome, tempLog, type TempLog } from './helpers';

describe.each([
  ['FTS5', true, 'fts5'],
  ['LIKE fallback', false, 'like'],
] as const)('free-text search (%s)', (_name, fullTextSearch, mode) => {
  let t: TempLog;
  beforeEach(() => {
    t = tempLog({ fullTextSearch });
    const add = (overrides: Parameters<typeof intentInput>[0], ok = true) => {
      const seq = t.log.appendIntent(intentInput(overrides)).seq;
      if (ok) t.log.appendOutcome(seq, successOutcome());
      return seq;
    };
    add({ target: { type: 'user', id: 'user_2xYzAbC' }, path: '/users/user_2xYzAbC', body: { email_address: ['ann.lee@example.com'] } }); // 1
    add({ action: 'organizations.update', target: { type: 'organization', id: 'org_9' }, body: { name: 'Globex Corporation' } }); // 3
    add({ body: { password: 'Tr0ub4dor&3-very-secret', first_name: 'Zoë' }, before: { id: 'user_1', last_name: 'Okafor' }, statePath: '/users/user_1' }, false); // 5
  });
  afterEach(() => t.cleanup());

  const search = (text: string, extra = {}) => t.log.list({ text, ...extra }).rows.map((row) => row.seq);

  it(`uses ${mode}`, () => {
    expect(t.log.searchMode).toBe(mode);
  });

  it('finds a change by target id (also by its prefix) and by a value in its body', () => {
    expect(search('user_2xYzAbC')).toEqual([1]);
    expect(search('user_2xY')).toEqual([1]);
    expect(search('ann.lee@example.com')).toEqual([1]);
    expect(search('globex')).toEqual([3]);
  });

  it('searches the before state too', () => {
    expect(search('okafor')).toEqual([5]);
  });

  it('requires every word to match', () => {
    expect(search('globex corporation')).toEqual([3]);
    expect(search('globex ann')).toEqual([]);
  });

  it('combines with the other filters', () => {
    expect(search('user_1', { outcome: 'unknown' })).toEqual([5]);
    expect(search('globex', { outcome: 'unknown' })).toEqual([]);
    expect(search('globex', { action: 'organizations.' })).toEqual([3]);
    expect(t.log.count({ text: 'example' })).toBe(1);
  });

  it('never finds a redacted secret', () => {
    expect(search('Tr0ub4dor')).toEqual([]);
  });

  it('finds nothing for punctuation no record holds, rather than every record', () => {
    expect(search('%')).toEqual([]);
    expect(search('***')).toEqual([]);
    expect(search('""')).toEqual([]);
  });
});

describe.each([
  ['FTS5', true],
  ['LIKE fallback', false],
] as const)('special characters are searched literally (%s)', (_name, fullTextSearch) => {
  let t: TempLog;
  beforeEach(() => {
    t = tempLog({ fullTextSearch });
    const add = (id: string, body: Record<string, unknown>) => {
      const seq = t.log.appendIntent(intentInput({ target: { type: 'organization', id }, path: `/organizations/${id}`, action: 'organizations.update', body })).seq;
      t.log.appendOutcome(seq, successOutcome());
      return seq;
    };
    add('org_plain', { name: 'Plain Corp', code: 'aXb' }); // 1
    add('org_percent', { name: 'Discount 50% Ltd' }); // 3
    add('org_star', { name: 'Star * Systems' }); // 5
    add('org_quote', { name: 'The "Quoted" Co' }); // 7
    add('org_under', { name: 'snake_case and a back\\slash' }); // 9
  });
  afterEach(() => t.cleanup());

  const search = (text: string) => t.log.list({ text }).rows.map((row) => row.seq);

  it('a search for % finds only the records holding %', () => {
    expect(search('%')).toEqual([3]);
    expect(search('50%')).toEqual([3]);
    expect(t.log.count({ text: '%' })).toBe(1);
  });

  it('a search for * is not a wildcard', () => {
    expect(search('*')).toEqual([5]);
    expect(search('star *')).toEqual([5]);
  });

  it('a search for " finds the quoted value, not every record (their JSON is full of quotes)', () => {
    expect(search('"')).toEqual([7]);
    expect(search('"Quoted"')).toEqual([7]);
    expect(search('"plain"')).toEqual([]);
  });

  it('_ and \\ match themselves, and FTS5 syntax is only text', () => {
    expect(search('snake_case')).toEqual([9]);
    expect(search('a_b')).toEqual([]);
    expect(search('back\\slash')).toEqual([9]);
    expect(search('\\')).toEqual([9]);
    expect(search('plain OR star')).toEqual([]);
    expect(search('NEAR(plain')).toEqual([]);
    expect(search('-plain')).toEqual([]);
    expect(search('org_plain:')).toEqual([]);
  });
});

describe('search index maintenance', () => {
  it('indexes intents in batches off the write path, and catches up before every search', () => {
    const t = tempLog();
    try {
      const indexedThrough = () => Number((t.log.db.prepare("SELECT value FROM audit_meta WHERE key = 'search_indexed_through'").get() as { value: string } | undefined)?.value ?? 0);
      for (let i = 1; i <= 600; i++) t.log.appendIntent(intentInput({ target: { type: 'user', id: `user_n${i}` } }));
      expect(indexedThrough()).toBe(512); // one batch so far, done after the 512th commit
      expect(t.log.list({ text: 'user_n600' }).rows.map((row) => row.seq)).toEqual([600]);
      expect(indexedThrough()).toBe(600);
      expect(t.log.count({ text: 'user_n5' })).toBe(111); // user_n5, user_n50..59, user_n500..599
    } finally {
      t.cleanup();
    }
  });
});
