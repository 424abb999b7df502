/**
 * How the sign-in token views name things: the lifetimes offered (short ones first; Clerk's default
 * of 30 days last), a custom lifetime's check, the time left before a token expires, and the label
 * and colour of each state.
 */
import { SIGN_IN_TOKEN_DEFAULT_SECONDS, SIGN_IN_TOKEN_MAX_SECONDS, SIGN_IN_TOKEN_MIN_SECONDS } from '@shared/ipc/channels/sign-in-tokens';
import type { SignInTokenState } from '@shared/sign-in-token-state';
import { TIME_UNITS } from '../../format';

/** A lifetime the chooser offers. */
export interface ExpiryPreset {
  /** The radio's value and test id suffix. */
  id: string;
  label: string;
  seconds: number;
}

/** The lifetimes offered, shortest first: a support link rarely needs to live for a month. */
export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { id: '15m', label: '15 minutes', seconds: 15 * 60 },
  { id: '1h', label: '1 hour', seconds: 3600 },
  { id: '1d', label: '1 day', seconds: 86_400 },
  { id: '7d', label: '7 days', seconds: 7 * 86_400 },
  { id: '30d', label: '30 days (Clerk’s default)', seconds: SIGN_IN_TOKEN_DEFAULT_SECONDS },
];

/** Why a custom lifetime (in seconds) cannot be asked for, or null when it can. */
export function customSecondsProblem(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return 'Enter the lifetime in seconds.';
  if (!Number.isInteger(seconds)) return 'Whole seconds only.';
  if (seconds < SIGN_IN_TOKEN_MIN_SECONDS) return `At least ${SIGN_IN_TOKEN_MIN_SECONDS} second.`;
  if (seconds > SIGN_IN_TOKEN_MAX_SECONDS) return `At most ${SIGN_IN_TOKEN_MAX_SECONDS.toLocaleString()} seconds (about 68 years).`;
  return null;
}

/** A lifetime in seconds as a person reads it, in whole units: "15 minutes", "1 minute 30 seconds", "7 days". */
export function formatLifetime(seconds: number): string {
  let left = seconds * 1000;
  const parts: string[] = [];
  for (const [unit, ms] of TIME_UNITS) {
    const count = Math.floor(left / ms);
    if (count === 0) continue;
    parts.push(`${count.toLocaleString()} ${unit}${count === 1 ? '' : 's'}`);
    left -= count * ms;
  }
  return parts.join(' ') || '0 seconds';
}

/** How each state reads, and its tag's colour. */
export const STATE_DISPLAY: Record<SignInTokenState, { label: string; type: 'success' | 'default' | 'warning' | 'info' }> = {
  pending: { label: 'Pending', type: 'success' },
  expired: { label: 'Expired', type: 'default' },
  accepted: { label: 'Used', type: 'info' },
  revoked: { label: 'Revoked', type: 'warning' },
};
