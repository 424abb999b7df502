import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, SECTIONS } from '../../../shared/sections';
import { buildEntries, MAX_ENTRIES, rankEntries, type PaletteContext, type PaletteEntry } from '../../../renderer/src/components/command-palette/palette-entries';
import { RECORD_ID_PREFIXES, recordForId } from '../../../renderer/src/components/command-palette/record-id';

const USER_ID = 'user_2g7np7Hrk0SN6kj5EDMLDaKNL0S';

describe('recordForId: the tab a Clerk id opens', () => {
  it.each([
    [USER_ID, 'user'],
    ['org_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'organization'],
    ['sess_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'session'],
    ['idn_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'phone-number'],
    ['sit_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'sign-in-token'],
    ['sua_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'sign-up'],
    ['samlc_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'saml-connection'],
    ['ru_2h1Rx9aAbCdEfGhIjKlMnOpQrSt', 'redirect-url'],
  ])('%s opens a %s tab', (id, kind) => {
    expect(recordForId(id)).toEqual({ kind, id });
  });

  it('has a prefix for every record kind of the registry, each distinct', () => {
    expect(Object.keys(RECORD_ID_PREFIXES).sort()).toEqual([...RECORD_KINDS].sort());
    expect(new Set(Object.values(RECORD_ID_PREFIXES)).size).toBe(RECORD_KINDS.length);
  });

  it('ignores surrounding spaces and quotes (a pasted id)', () => {
    expect(recordForId(`  "${USER_ID}"\n`)).toEqual({ kind: 'user', id: USER_ID });
  });

  it.each([
    ['an unknown prefix', 'orgmem_2h1Rx9aAbCdEfGhIjKlMnOpQrSt'],
    ['a prefix with nothing after it', 'user_'],
    ['a prefix without its underscore', 'user2g7np7Hrk0SN6kj5EDMLDaKNL0S'],
    ['a character no id has', 'user_2g7np7Hrk0SN6-kj5'],
    ['an id inside other words', `open ${USER_ID}`],
    ['an upper-case prefix', 'USER_2g7np7Hrk0SN6kj5EDMLDaKNL0S'],
    ['a body longer than any id', `user_${'a'.repeat(65)}`],
    ['plain text', 'alice'],
  ])('is null for %s', (_, text) => {
    expect(recordForId(text)).toBeNull();
  });
});

function context(overrides: Partial<PaletteContext> = {}): PaletteContext {
  return {
    hasProfile: true,
    sections: SECTIONS,
    shortcutOf: (command) => (command === 'refresh' ? 'Ctrl+R' : undefined),
    activeTabTitle: 'Ada Lovelace',
    tabCount: 2,
    viewCommands: [{ command: 'refresh', label: 'Refresh' }],
    tabActions: [],
    profiles: [
      { id: 'p1', name: 'Sandbox', environmentLabel: 'Development' },
      { id: 'p2', name: 'Acme production', environmentLabel: 'Production' },
    ],
    activeProfileId: 'p1',
    idRecord: null,
    canOpen: () => true,
    matches: [],
    ...overrides,
  };
}

const keys = (entries: readonly PaletteEntry[]) => entries.map((entry) => entry.key);

describe('buildEntries: what the palette offers', () => {
  it('offers only built sections, the front view commands, tab commands and the other profiles', () => {
    // One section planned but not built (a "coming soon" page) is not offered.
    const sections = SECTIONS.map((section) => (section.id === 'sessions' ? { ...section, available: false } : section));
    const entries = buildEntries(context({ sections }));
    const available = sections.filter((section) => section.available).map((section) => `section:${section.id}`);
    expect(keys(entries).filter((key) => key.startsWith('section:'))).toEqual(available);
    expect(keys(entries)).not.toContain('section:sessions');
    expect(keys(entries).filter((key) => key.startsWith('command:'))).toEqual(['command:refresh', 'command:new-profile', 'command:close-tab', 'command:next-tab', 'command:previous-tab']);
    expect(entries.find((entry) => entry.key === 'command:refresh')).toMatchObject({ label: 'Refresh', shortcut: 'Ctrl+R', detail: 'In the tab “Ada Lovelace”', effect: { type: 'command', command: 'refresh' } });
    // The active profile is not offered as a switch.
    expect(keys(entries).filter((key) => key.startsWith('profile:'))).toEqual(['profile:p2']);
  });

  it("offers the front tab's button actions by their labels and shortcuts, destructive ones marked", () => {
    const run = () => {};
    const entries = buildEntries(context({ tabActions: [{ label: 'Lock…', keys: 'L', destructive: false, run }, { label: 'Delete…', keys: 'Del', destructive: true, run }] }));
    const actions = entries.filter((entry) => entry.effect.type === 'tab-action');
    expect(actions.map((entry) => [entry.label, entry.shortcut, Boolean(entry.destructive)])).toEqual([
      ['Lock…', 'L', false],
      ['Delete…', 'Del', true],
    ]);
    expect(actions[0].effect).toEqual({ type: 'tab-action', run });
    expect(rankEntries(entries, 'lock')[0].label).toBe('Lock…');
    // An action whose button is disabled (read-only profile) says why and cannot be chosen; no shortcut, none shown.
    const [blocked] = buildEntries(context({ tabActions: [{ label: 'Ban… · 2 users selected', keys: '', destructive: true, disabledReason: 'Read-only', run }] })).filter(
      (entry) => entry.effect.type === 'tab-action',
    );
    expect(blocked).toMatchObject({ disabledReason: 'Read-only', shortcut: undefined });
  });

  it('matches each typed word: "lock selected" finds the selection\'s Lock…, not its Ban…', () => {
    const run = () => {};
    const bar = ['Ban…', 'Lock…', 'Metadata…', 'Unlock'].map((label) => ({ label: `${label} · 2 users selected`, keys: '', destructive: false, run }));
    expect(rankEntries(buildEntries(context({ tabActions: bar })), 'lock selected')[0].label).toBe('Lock… · 2 users selected');
  });

  it('without a profile offers only the sections that need none, and an id cannot be opened', () => {
    const entries = buildEntries(context({ hasProfile: false, activeTabTitle: null, tabCount: 0, viewCommands: [], activeProfileId: null, idRecord: { kind: 'user', id: USER_ID } }));
    expect(keys(entries).filter((key) => key.startsWith('section:'))).toEqual(['section:audit-log', 'section:profiles']);
    expect(keys(entries)).not.toContain('command:close-tab');
    expect(entries[0]).toMatchObject({ key: `record:${USER_ID}`, disabledReason: expect.stringContaining('Choose a profile') });
  });

  it('an id of a kind without a tab in this version is shown but cannot be chosen', () => {
    const [entry] = buildEntries(context({ idRecord: { kind: 'redirect-url', id: 'ru_abc' }, canOpen: (kind) => kind !== 'redirect-url' }));
    expect(entry).toMatchObject({ label: 'Open redirect URL ru_abc', disabledReason: 'A redirect URL has no tab in this version.' });
  });
});

describe('rankEntries: the order the palette lists them in', () => {
  it('lists everything by group while nothing is typed, pinned entries first', () => {
    const entries = buildEntries(context({ matches: [{ record: 'user', id: USER_ID, title: 'Ada', detail: 'ada@example.com' }] }));
    const ranked = rankEntries(entries, '  ');
    expect(ranked[0].key).toBe(`match:${USER_ID}`);
    const groups = ranked.map((entry) => entry.group);
    expect(groups).toEqual([...groups].sort((a, b) => ['record', 'match', 'action', 'section', 'profile'].indexOf(a) - ['record', 'match', 'action', 'section', 'profile'].indexOf(b)));
  });

  it('puts the record an id names first, whatever else fuzzy-matches', () => {
    const ranked = rankEntries(buildEntries(context({ idRecord: { kind: 'user', id: USER_ID } })), USER_ID);
    expect(ranked[0]).toMatchObject({ key: `record:${USER_ID}`, label: `Open user ${USER_ID}`, effect: { type: 'open-record', record: 'user', id: USER_ID } });
  });

  it('keeps server matches although their names do not fuzzy-match the text (the server matched the email)', () => {
    const ranked = rankEntries(buildEntries(context({ matches: [{ record: 'organization', id: 'org_1', title: 'Zed Industries', detail: 'zed' }] })), 'qqqq');
    expect(keys(ranked)).toEqual(['match:org_1']);
  });

  it('a close match of a command stays above server matches; a loose one goes below them', () => {
    const entries = buildEntries(context({ matches: [{ record: 'user', id: USER_ID, title: 'Ada Refresher', detail: 'ada@example.com' }] }));
    expect(keys(rankEntries(entries, 'refresh')).slice(0, 2)).toEqual(['command:refresh', `match:${USER_ID}`]);
    const loose = keys(rankEntries(entries, 'refrsh'));
    expect(loose).toContain('command:refresh');
    expect(loose.indexOf(`match:${USER_ID}`)).toBeLessThan(loose.indexOf('command:refresh'));
  });

  it('fuzzy-matches labels: a typo still finds the section, the best match first', () => {
    const entries = buildEntries(context());
    expect(rankEntries(entries, 'organizatons')[0].key).toBe('section:organizations');
    expect(rankEntries(entries, 'audit')[0].key).toBe('section:audit-log');
    expect(rankEntries(entries, 'refresh')[0].key).toBe('command:refresh');
    expect(rankEntries(entries, 'acme')[0].key).toBe('profile:p2');
    expect(rankEntries(entries, 'users')[0].key).toBe('section:users');
  });

  it('drops what does not match at all', () => {
    expect(rankEntries(buildEntries(context()), 'xylophone')).toEqual([]);
  });

  it('lists at most MAX_ENTRIES', () => {
    const many = Array.from({ length: MAX_ENTRIES + 10 }, (_, index): PaletteEntry => ({ key: `k${index}`, group: 'section', label: `Section ${index}`, effect: { type: 'command', command: 'refresh' } }));
    expect(rankEntries(many, '')).toHaveLength(MAX_ENTRIES);
    expect(rankEntries(many, 'section')).toHaveLength(MAX_ENTRIES);
  });
});
