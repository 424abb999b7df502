/**
 * The `proxyChecks:*` channels (issue 12, item 5): check a domain's proxy (`POST /proxy_checks`), the
 * instance's domains to pick from (`GET /domains`), and the history of checks the app ran, kept per
 * profile. Their input is validated here, once.
 */
import { z } from 'zod';
import type { Bapi, ProxyCheck } from '../../clerk';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** One check the app ran, kept in the app database (a failed one too, with Clerk's reason). */
export interface ProxyCheckRecord {
  /** Local id of the record. */
  id: number;
  profileId: string;
  domainId: string;
  proxyUrl: string;
  successful: boolean;
  /** Clerk's `proxychk_…` id of a working check; null when Clerk refused it. */
  checkId: string | null;
  /** Why it failed, in Clerk's words (null when it worked). */
  reason: string | null;
  /** Clerk's error code of a failure, e.g. `invalid_proxy_configuration`. */
  code: string | null;
  /** Unix ms. */
  checkedAt: number;
}

/** What a check answers: Clerk's proxy check and the record the app kept of it. */
export interface ProxyCheckOutcome {
  check: ProxyCheck;
  record: ProxyCheckRecord;
}

/** A domain a proxy check can name. */
export type ProxyDomain = Pick<Bapi.Domain, 'id' | 'name' | 'frontend_api_url' | 'proxy_url' | 'is_satellite'>;

/** The most records the history keeps per profile (older ones are dropped). */
export const PROXY_HISTORY_MAX = 200;

/** Why `value` is not a proxy URL Clerk would probe, or undefined: https, or http on localhost (development). */
export function proxyUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter the proxy’s full URL, such as https://example.com/__clerk.';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return 'A proxy URL must use https:// (http:// only on localhost).';
}

/** The proxy checks' channels. */
export const proxyCheckChannels = {
  /** `POST /proxy_checks`: Clerk requests the proxy and says whether it reaches the Frontend API. Kept in the history either way. */
  'proxyChecks:run': channel(
    z.object({
      profileId: localId,
      domainId: clerkId('dmn'),
      proxyUrl: z
        .string()
        .trim()
        .max(2048, 'A proxy URL is at most 2048 characters.')
        .superRefine((value, ctx) => {
          const problem = proxyUrlProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    }),
  ).returns<ProxyCheckOutcome>(),
  /** `GET /domains`: the instance's domains, for the domain field. */
  'proxyChecks:domains': channel(z.object({ profileId: localId })).returns<ProxyDomain[]>(),
  /** The checks the app ran on a profile, newest first. */
  'proxyChecks:history': channel(z.object({ profileId: localId })).returns<ProxyCheckRecord[]>(),
} as const;
