/**
 * The Clerk Backend API types the app uses, under friendly names. Everything here is type-only and
 * comes from `bapi-types.gen.ts` (generated from the vendored spec by `npm run gen:types`), so it is
 * safe to import from main, preload and renderer alike.
 */
import type * as Bapi from './bapi-types.gen';

/** Every schema of the spec, by its sanitised name (`Bapi.JWKS_rsa_PublicKey`, …). */
export type * as Bapi from './bapi-types.gen';

export type {
  User,
  EmailAddress,
  PhoneNumber,
  Organization,
  OrganizationWithLogo,
  OrganizationMembership,
  SAMLConnection,
  Session,
  SignInToken,
  SignUp,
  RedirectURL,
  ProxyCheck,
  DeletedObject,
  TotalCount,
  Token,
  ClerkErrors,
  ClerkError,
} from './bapi-types.gen';

/** One OAuth access token of a user (the spec's `OAuthAccessToken` schema is the whole array). */
export type OAuthAccessToken = Bapi.OAuthAccessToken[number];

/** Clerk's paginated list envelope (`{ data, total_count }`). */
export type Paginated<T> = { data: T[]; total_count: number };
