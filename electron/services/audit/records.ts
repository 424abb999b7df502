/**
 * Builds the records the log appends from the recorder's input, checking the fields the log
 * relies on (bad input is a programming error here, reported as a TypeError naming the field).
 */
import type { HttpMethod } from '../clerk/call';
import type { AuditActor, IntentInput, IntentRecord, OutcomeInput, OutcomeRecord, RecordedOutcome } from '../../../shared/audit/types';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const OUTCOMES: readonly RecordedOutcome[] = ['success', 'clerk_error', 'network_error'];

/** The intent record for `input` at `seq`. */
export function intentRecord(input: IntentInput, seq: number, ts: number): IntentRecord {
  requireText(input.action, 'action');
  if (!METHODS.includes(input.method)) throw new TypeError(`audit intent: "method" must be one of ${METHODS.join(', ')}`);
  requireText(input.route, 'route');
  requireText(input.path, 'path');
  requireText(input.appVersion, 'appVersion');
  requireText(input.profile?.id, 'profile.id');
  requireActor(input.actor);
  if (typeof input.instance?.apiUrl !== 'string' || typeof input.instance.keyFingerprint !== 'string') {
    throw new TypeError('audit intent: "instance" needs apiUrl and keyFingerprint');
  }
  const { ts: _ignored, ...fields } = input;
  return { ...fields, v: 1, kind: 'intent', seq, ts };
}

/** The outcome record of intent `intentSeq` at `seq`. */
export function outcomeRecord(intentSeq: number, input: OutcomeInput, seq: number, ts: number): OutcomeRecord {
  if (!OUTCOMES.includes(input.outcome)) throw new TypeError(`audit outcome: "outcome" must be one of ${OUTCOMES.join(', ')}`);
  if (typeof input.durationMs !== 'number' || !Number.isFinite(input.durationMs)) {
    throw new TypeError('audit outcome: "durationMs" must be a number');
  }
  const { ts: _ignored, ...fields } = input;
  return { ...fields, v: 1, kind: 'outcome', seq, ts, intentSeq };
}

/** Checks a record time: whole milliseconds. */
export function requireTime(ts: number): number {
  if (!Number.isSafeInteger(ts) || ts < 0) throw new TypeError('audit record: "ts" must be whole milliseconds since the epoch');
  return ts;
}

/** Checks an actor. */
export function requireActor(actor: AuditActor | undefined): void {
  if (typeof actor?.user !== 'string' || typeof actor.host !== 'string') {
    throw new TypeError('audit record: "actor" needs user and host');
  }
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`audit intent: "${field}" must be non-empty text`);
}
