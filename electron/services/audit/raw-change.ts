/**
 * One change for the exporters, read from its records' raw top-level members: small fields are
 * parsed on demand, payloads stay the stored JSON text (see raw-json.ts).
 */
import { responseMember } from './changes';
import type { ChangeRow } from './query';
import { rawMembers, type RawMembers } from './raw-json';
import type { AuditActor, AuditErrorInfo, AuditInstanceRef, AuditProfileRef, AuditTarget } from '../../../shared/audit/types';

/** One change read from its records' raw members: small fields parsed, payloads kept as text. */
export class RawChange {
  readonly seq: number;
  readonly intentHash: string;
  readonly outcomeHash: string | null;
  private readonly intent: RawMembers;
  private readonly outcome: RawMembers | null;
  // Parsed once per change: several columns read them.
  private readonly cache: { actor?: AuditActor; profile?: AuditProfileRef; instance?: AuditInstanceRef; error?: AuditErrorInfo } = {};

  constructor(row: ChangeRow) {
    this.seq = row.seq;
    this.intentHash = row.ih;
    this.outcomeHash = row.oh;
    this.intent = rawMembers(row.ij);
    this.outcome = row.oj === null ? null : rawMembers(row.oj);
  }

  /** A parsed intent member. */
  i<T>(key: string): T | undefined {
    return parse<T>(this.intent.get(key));
  }

  /** A parsed outcome member. */
  o<T>(key: string): T | undefined {
    return parse<T>(this.outcome?.get(key));
  }

  /** A payload as JSON text; null when absent or JSON null. */
  payload(side: 'intent' | 'outcome', key: string): string | null {
    const text = (side === 'intent' ? this.intent : this.outcome)?.get(key);
    return text === undefined || text === 'null' ? null : text;
  }

  get actor(): AuditActor {
    return (this.cache.actor ??= parseRepeated<AuditActor>(this.intent.get('actor')) as AuditActor);
  }
  get profile(): AuditProfileRef {
    return (this.cache.profile ??= parseRepeated<AuditProfileRef>(this.intent.get('profile')) as AuditProfileRef);
  }
  get instance(): AuditInstanceRef {
    return (this.cache.instance ??= parseRepeated<AuditInstanceRef>(this.intent.get('instance')) as AuditInstanceRef);
  }
  get target(): AuditTarget | undefined {
    return this.i<AuditTarget>('target');
  }
  get error(): AuditErrorInfo | undefined {
    return (this.cache.error ??= this.o<AuditErrorInfo>('error'));
  }
  get outcomeKind(): string {
    return this.o<string>('outcome') ?? 'unknown';
  }
  get response(): string | null {
    if (!this.outcome) return null;
    const member = responseMember({ response: this.outcome.get('response'), after: this.outcome.get('after'), outcome: this.outcomeKind });
    return member && this.payload('outcome', member);
  }
}

// The same actor, profile and instance appear on thousands of records: parse each text once.
const repeated = new Map<string, unknown>();

function parseRepeated<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  let value = repeated.get(text);
  if (value === undefined) {
    value = JSON.parse(text);
    if (repeated.size < 10_000) repeated.set(text, value);
  }
  return value as T;
}

function parse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  const first = text.charCodeAt(0);
  // Most members are plain strings and integers: skip the general parser for them.
  if (first === 34 && !text.includes('\\')) return text.slice(1, -1) as T;
  if (first >= 48 && first <= 57 && /^\d+$/.test(text)) return Number(text) as T;
  return JSON.parse(text) as T;
}
