/**
 * Names a person reads are plain text: the contract refuses control characters, bidirectional
 * overrides and lone surrogates next to the field, before any handler runs.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, type IpcEnvelope } from '../../../shared/ipc';
import { plainTextProblem } from '../../../shared/ipc/schemas';
import { createDispatch, type Handlers } from '../../../electron/services/dispatch';

const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, async (input: unknown) => input])) as Handlers;
const dispatch = createDispatch(handlers);
const PROFILE = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

const REFUSED: Array<[string, string]> = [
  ['a right-to-left override', 'Acme \u202Enoitcudorp'],
  ['a right-to-left isolate', 'Acme \u2067staging\u2069'],
  ['a left-to-right mark', 'Acme\u200E'],
  ['a zero-width space', 'Acme\u200Bproduction'],
  ['a byte-order mark inside', 'Ac\uFEFFme'],
  ['a NUL', 'Acme\u0000'],
  ['an escape sequence', 'Acme \u001b[31mred'],
  ['a C1 control', 'Acme\u0085'],
  ['a newline', 'Acme\nProduction'],
  ['a lone high surrogate', 'Acme \uD83D'],
  ['a lone low surrogate', 'Acme \uDE00'],
];

describe('plain-text names', () => {
  it.each(REFUSED)('refuses a profile name with %s, on the name field', async (_what, name) => {
    for (const [channel, input] of [
      ['profiles:create', { name, environment: 'development', secretKey: 'sk_test_x' }],
      ['profiles:update', { id: PROFILE, name }],
    ] as const) {
      const reply = (await dispatch(channel, input)) as IpcEnvelope<unknown>;
      expect(reply.ok, channel).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.kind).toBe('validation');
      expect(reply.error.fields?.[0]).toMatchObject({ field: 'name' });
      expect(reply.error.fields?.[0].message).toMatch(/plain text|broken character/);
    }
  });

  it('names the hidden character it found', () => {
    expect(plainTextProblem('Acme \u202Eprod')).toContain('U+202E');
    expect(plainTextProblem('Acme\u0000')).toContain('U+0000');
  });

  it('accepts ordinary names in any script, with emoji and accents', async () => {
    for (const name of ['Acme Production', 'Überprüfung – staging', 'שלום', 'مرحبا', '東京 本番', 'Prod 🚀 EU']) {
      expect(plainTextProblem(name), name).toBeUndefined();
      const reply = (await dispatch('profiles:update', { id: PROFILE, name })) as IpcEnvelope<{ name: string }>;
      expect(reply.ok, name).toBe(true);
    }
  });
});
