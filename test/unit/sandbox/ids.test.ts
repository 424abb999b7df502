import { describe, expect, it } from 'vitest';
import { BASE62_ALPHABET, CLERK_ID_PATTERN, encodeKsuidBytes, ksuid, newId, randomBase62 } from '../../../electron/services/sandbox/ids';
import { SeedRandom } from '../../../electron/services/sandbox/seed/random';

describe('Clerk-style IDs', () => {
  it('are a prefix and 27 base62 characters', () => {
    const id = newId('user', Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(id).toMatch(CLERK_ID_PATTERN);
    expect(newId('sess_activity', 0)).toMatch(CLERK_ID_PATTERN);
  });

  it('encode 20 bytes like KSUID (all zero and all ones are the extremes)', () => {
    expect(encodeKsuidBytes(new Uint8Array(20))).toBe('0'.repeat(27));
    // The largest 160-bit value is KSUID's documented maximum string.
    expect(encodeKsuidBytes(new Uint8Array(20).fill(255))).toBe('aWgEPTl1tmebfsQzFP4bxwgy80V');
  });

  it('sort by creation time', () => {
    const payload = new Uint8Array(16).fill(7);
    const earlier = ksuid(Date.UTC(2025, 0, 1), payload);
    const later = ksuid(Date.UTC(2026, 0, 1), payload);
    expect(earlier < later).toBe(true);
  });

  it('are deterministic for a deterministic random source', () => {
    const a = new SeedRandom('x');
    const b = new SeedRandom('x');
    expect(newId('org', 1_700_000_000_000, a.bytes)).toBe(newId('org', 1_700_000_000_000, b.bytes));
  });

  it('reject payloads of the wrong size', () => {
    expect(() => ksuid(0, new Uint8Array(3))).toThrow(/16 bytes/);
  });

  it('random base62 strings use only the alphabet and have the requested length', () => {
    const value = randomBase62(200);
    expect(value).toHaveLength(200);
    for (const c of value) expect(BASE62_ALPHABET).toContain(c);
  });
});
