/**
 * How a SAML connection reads: its provider's name, its domains, and its IdP certificate's expiry
 * (expired, expiring within {@link CERTIFICATE_WARNING_DAYS} days, or fine), shared by the list and
 * the tab. Pure: `now` is passed in, so the rules are tested without a clock.
 */
import type { SAMLConnection } from '@shared/clerk';
import { CERTIFICATE_WARNING_DAYS, SAML_PROVIDER_LABELS, type SamlConnectionRecord, type SamlProvider } from '@shared/ipc/channels/saml-connections';
import type { ConfirmRequest } from '../../stores/guardrail';
import { formatDate } from '../../format';

const DAY = 86_400_000;

/** The provider's name (Clerk's value as is when it is one the app does not know). */
export function providerLabel(provider: string): string {
  return SAML_PROVIDER_LABELS[provider as SamlProvider] ?? provider;
}

/** The connection's domains (Clerk's deprecated single `domain` when there is no list). */
export function domainsOf(connection: SAMLConnection): string[] {
  return connection.domains?.length ? connection.domains : connection.domain ? [connection.domain] : [];
}

/** Where a certificate stands. */
export type ExpiryState = 'none' | 'expired' | 'soon' | 'valid';

/** A certificate's expiry, as the list and the tab say it. */
export interface CertificateExpiry {
  state: ExpiryState;
  /** When it expires (ms); null without a certificate. */
  expiresAt: number | null;
  /** Whole days left (negative once expired). */
  daysLeft: number | null;
  /** e.g. `Expires in 12 days (3 Jan 2027)`, `Expired 4 days ago`, `No certificate`. */
  text: string;
}

/** The expiry of a record's certificate: main's reading first, Clerk's `idp_certificate_expires_at` otherwise. */
export function certificateExpiry(record: SamlConnectionRecord, now: number): CertificateExpiry {
  const expiresAt = record.certificate?.validTo ?? record.connection.idp_certificate_expires_at ?? null;
  if (expiresAt === null) return { state: 'none', expiresAt: null, daysLeft: null, text: record.certificateProblem ? 'Unreadable certificate' : 'No certificate' };
  const daysLeft = Math.floor((expiresAt - now) / DAY);
  const date = formatDate(expiresAt);
  if (expiresAt <= now) {
    const ago = Math.max(0, Math.floor((now - expiresAt) / DAY));
    return { state: 'expired', expiresAt, daysLeft, text: `Expired ${ago === 0 ? 'today' : ago === 1 ? '1 day ago' : `${ago} days ago`} (${date})` };
  }
  if (expiresAt - now <= CERTIFICATE_WARNING_DAYS * DAY) {
    const left = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'in 1 day' : `in ${daysLeft} days`;
    return { state: 'soon', expiresAt, daysLeft, text: `Expires ${left} (${date})` };
  }
  return { state: 'valid', expiresAt, daysLeft, text: date };
}

/** The warning a certificate's expiry calls for, or undefined when none is needed. */
export function expiryWarning(expiry: CertificateExpiry): string | undefined {
  if (expiry.state === 'expired') return 'The IdP certificate has expired: sign-ins through this connection fail until the IdP’s new certificate is set here.';
  if (expiry.state === 'soon') {
    return `The IdP certificate expires within ${CERTIFICATE_WARNING_DAYS} days. Get the new certificate (or metadata) from the identity provider and set it here before then, or sign-ins will fail.`;
  }
  return undefined;
}

/** The phrase a production-class profile types to delete the connection: its name. */
export function samlConfirmPhrase(connection: SAMLConnection): string {
  return connection.name;
}

/** Deleting the connection: its users can no longer sign in through it (their accounts stay). */
export function deleteSamlConnectionRequest(connection: SAMLConnection): ConfirmRequest {
  const from = domainsOf(connection).join(', ') || 'its domains';
  const who =
    connection.user_count === 0
      ? `No user signs in through it yet; nobody from ${from} can use SSO once it is gone.`
      : `The ${connection.user_count === 1 ? '1 user' : `${connection.user_count} users`} who sign in through it can no longer use SSO from ${from} (their user accounts stay).`;
  return {
    title: `Delete ${connection.name}?`,
    consequence: `A delete cannot be undone: ${connection.name} is removed from the instance. ${who} The identity provider keeps its side of the setup. The audit log keeps the connection's last state.`,
    actionLabel: 'Delete connection',
    destructive: true,
    preview: [
      { field: 'SAML connection', before: connection.name, after: '(deleted)' },
      { field: 'Provider', before: providerLabel(connection.provider), after: '(deleted)' },
    ],
    confirmPhrase: samlConfirmPhrase(connection),
  };
}
