/** The `redirectUrls:*` channels (issue 12, item 3): list, add, read and delete. Their input is validated here, once. */
import { z } from 'zod';
import type { DeletedObject, RedirectURL } from '../../clerk';
import { redirectUrlProblem } from '../../redirect-urls/redirect-url-rule';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** A page of redirect URLs with how many there are in all. */
export interface RedirectUrlPage {
  data: RedirectURL[];
  totalCount: number;
}

/** The most redirect URLs one list call asks for. */
export const REDIRECT_URL_PAGE_MAX = 500;

/** One redirect URL of a profile. */
const oneRedirectUrl = z.object({ profileId: localId, redirectUrlId: clerkId('ru') });

/** The redirect URLs' channels. */
export const redirectUrlChannels = {
  /** `GET /redirect_urls?paginated=true` (newest first). */
  'redirectUrls:list': channel(
    z.object({
      profileId: localId,
      limit: z.number().int().min(1).max(REDIRECT_URL_PAGE_MAX).default(10),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<RedirectUrlPage>(),
  /** `POST /redirect_urls`: refused here when Clerk would refuse it (shared/redirect-urls/redirect-url-rule.ts). */
  'redirectUrls:create': channel(
    z.object({
      profileId: localId,
      url: z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          const problem = redirectUrlProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    }),
  ).returns<RedirectURL>(),
  'redirectUrls:get': channel(oneRedirectUrl).returns<RedirectURL>(),
  'redirectUrls:delete': channel(oneRedirectUrl).returns<DeletedObject>(),
} as const;
