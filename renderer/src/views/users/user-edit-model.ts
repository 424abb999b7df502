/**
 * The edit-user form: its state read from the user, the `PATCH /users/{user_id}` body of only the
 * fields that changed, and the change preview of that body (secrets shown as "(new password)",
 * never echoed; primary identifiers by their address, not their id).
 */
import type { SelectOption } from 'naive-ui';
import type { User } from '@shared/clerk';
import type { UpdateUserBody } from '@shared/ipc/channels/users';
import { userBodyIssues, type PasswordHasher } from '@shared/clerk/user-rules';
import type { FieldMap, NamedMessage } from '../../components/forms/field-errors';
import { changeRows, type ChangeRow } from '../../components/guardrails/change-rows';

/** What the form holds. */
export interface EditUserForm {
  first_name: string;
  last_name: string;
  username: string;
  external_id: string;
  locale: string;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  notify_primary_email_address_changed: boolean;
  password: string;
  skip_password_checks: boolean;
  sign_out_of_other_sessions: boolean;
  password_digest: string;
  password_hasher: PasswordHasher | null;
  totp_secret: string;
  backup_codes: string;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  legal_accepted_at: string;
  skip_legal_checks: boolean;
  created_at: string;
  bypass_client_trust: boolean;
}

/** The form's fields that errors can name. */
export const EDIT_FIELDS = [
  'first_name', 'last_name', 'username', 'external_id', 'locale', 'primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id',
  'password', 'password_digest', 'password_hasher', 'totp_secret', 'backup_codes', 'create_organizations_limit', 'legal_accepted_at', 'created_at',
] as const;
/** One of {@link EDIT_FIELDS}. */
export type EditField = (typeof EDIT_FIELDS)[number];

/** Clerk's names that belong to another field of the form. */
export const EDIT_FIELD_MAP: FieldMap<EditField> = {
  fields: EDIT_FIELDS,
  params: { skip_password_checks: 'password', sign_out_of_other_sessions: 'password', notify_primary_email_address_changed: 'primary_email_address_id' },
};

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : '');

/** The form as the user is now. */
export function editFormOf(user: User): EditUserForm {
  return {
    first_name: user.first_name ?? '',
    last_name: user.last_name ?? '',
    username: user.username ?? '',
    external_id: user.external_id ?? '',
    locale: user.locale ?? '',
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: user.primary_phone_number_id,
    primary_web3_wallet_id: user.primary_web3_wallet_id,
    notify_primary_email_address_changed: false,
    password: '', skip_password_checks: false, sign_out_of_other_sessions: false,
    password_digest: '', password_hasher: null, totp_secret: '', backup_codes: '',
    delete_self_enabled: user.delete_self_enabled,
    create_organization_enabled: user.create_organization_enabled,
    create_organizations_limit: user.create_organizations_limit ?? null,
    legal_accepted_at: iso(user.legal_accepted_at),
    skip_legal_checks: false,
    created_at: iso(user.created_at),
    bypass_client_trust: user.bypass_client_trust ?? false,
  };
}

/** One identifier the primary can be set to; only verified ones can (Clerk refuses the others). */
export interface PrimaryOption extends SelectOption {
  label: string;
  value: string;
  disabled: boolean;
}

/** The user's email addresses, phone numbers or wallets as primary choices, unverified ones disabled and marked. */
export function primaryOptions(user: User, kind: 'email' | 'phone' | 'wallet'): PrimaryOption[] {
  const items =
    kind === 'email'
      ? user.email_addresses.map((e) => ({ id: e.id!, text: e.email_address, status: e.verification?.status }))
      : kind === 'phone'
        ? user.phone_numbers.map((p) => ({ id: p.id!, text: p.phone_number, status: p.verification?.status }))
        : user.web3_wallets.map((w) => ({ id: w.id!, text: w.web3_wallet, status: w.verification?.status }));
  return items.map(({ id, text, status }) => ({ value: id, label: status === 'verified' ? text : `${text} (unverified)`, disabled: status !== 'verified' }));
}

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const textOrNull = (value: string) => value.trim() || null;

/**
 * The body of only what changed. A cleared username is sent as `""` (Clerk's way to remove it);
 * other cleared texts as `null`. The password flags go only with a new password.
 */
export function updateUserBody(before: EditUserForm, form: EditUserForm): { body: UpdateUserBody; issues: NamedMessage[] } {
  const body: UpdateUserBody = {};
  const changed = <K extends keyof EditUserForm>(key: K) => JSON.stringify(before[key]) !== JSON.stringify(form[key]);
  for (const key of ['first_name', 'last_name', 'external_id', 'locale'] as const) {
    if (form[key].trim() !== before[key].trim()) body[key] = textOrNull(form[key]);
  }
  if (form.username.trim() !== before.username.trim()) body.username = form.username.trim();
  for (const key of ['primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id'] as const) {
    if (changed(key) && form[key]) body[key] = form[key];
  }
  if (body.primary_email_address_id && form.notify_primary_email_address_changed) body.notify_primary_email_address_changed = true;
  if (form.password) {
    body.password = form.password;
    if (form.skip_password_checks) body.skip_password_checks = true;
    if (form.sign_out_of_other_sessions) body.sign_out_of_other_sessions = true;
  }
  if (form.password_digest.trim() || form.password_hasher) {
    body.password_digest = form.password_digest.trim();
    if (form.password_hasher) body.password_hasher = form.password_hasher;
  }
  if (form.totp_secret.trim()) body.totp_secret = form.totp_secret.trim();
  if (form.backup_codes.trim()) body.backup_codes = lines(form.backup_codes);
  for (const key of ['delete_self_enabled', 'create_organization_enabled', 'bypass_client_trust'] as const) if (changed(key)) body[key] = form[key];
  if (changed('create_organizations_limit')) body.create_organizations_limit = form.create_organizations_limit;
  if (form.legal_accepted_at.trim() !== before.legal_accepted_at) body.legal_accepted_at = textOrNull(form.legal_accepted_at);
  if (form.skip_legal_checks) body.skip_legal_checks = true;
  if (form.created_at.trim() !== before.created_at && form.created_at.trim()) body.created_at = form.created_at.trim();

  const issues: NamedMessage[] = userBodyIssues(body).map((issue) => ({ name: issue.field, message: issue.message }));
  if (body.password_hasher && !body.password_digest) issues.push({ name: 'password_digest', message: 'Give the digest the hasher applies to.' });
  if (form.created_at.trim() === '' && before.created_at) issues.push({ name: 'created_at', message: 'A user always has a sign-up time; change it, or leave it as it was.' });
  return { body, issues };
}

/** The preview's labels, by Clerk's name. */
const LABELS: Record<string, string> = {
  first_name: 'First name', last_name: 'Last name', username: 'Username', external_id: 'External ID', locale: 'Locale',
  primary_email_address_id: 'Primary email', notify_primary_email_address_changed: 'Notify of new primary email',
  primary_phone_number_id: 'Primary phone', primary_web3_wallet_id: 'Primary web3 wallet',
  password: 'Password', skip_password_checks: 'Skip password checks', sign_out_of_other_sessions: 'Sign out of other sessions',
  password_digest: 'Password digest', password_hasher: 'Password hasher', totp_secret: 'TOTP secret', backup_codes: 'Backup codes',
  delete_self_enabled: 'Can delete self', create_organization_enabled: 'Can create organizations', create_organizations_limit: 'Organization limit',
  legal_accepted_at: 'Legal accepted at', skip_legal_checks: 'Skip legal checks', created_at: 'Created at', bypass_client_trust: 'Bypass device trust',
};

/** The change preview of a body: one row per field sent, before and after as an administrator reads them. */
export function editPreview(user: User, before: EditUserForm, body: UpdateUserBody): ChangeRow[] {
  const address = (id: string | null | undefined) =>
    [...user.email_addresses.map((e) => [e.id, e.email_address]), ...user.phone_numbers.map((p) => [p.id, p.phone_number]), ...user.web3_wallets.map((w) => [w.id, w.web3_wallet])].find(
      ([itemId]) => itemId === id,
    )?.[1] ?? id ?? null;
  const was = (key: keyof UpdateUserBody): unknown => {
    switch (key) {
      case 'primary_email_address_id':
      case 'primary_phone_number_id':
      case 'primary_web3_wallet_id':
        return address(user[key]);
      case 'password':
      case 'password_digest':
        return user.password_enabled ? '(a password is set)' : '(none)';
      case 'password_hasher':
        return '(not shown)';
      case 'totp_secret':
        return user.totp_enabled ? '(a TOTP secret is set)' : '(none)';
      case 'backup_codes':
        return user.backup_code_enabled ? '(backup codes are set)' : '(none)';
      case 'skip_password_checks':
      case 'sign_out_of_other_sessions':
      case 'notify_primary_email_address_changed':
      case 'skip_legal_checks':
        return undefined;
      default:
        return before[key as keyof EditUserForm];
    }
  };
  const becomes = (key: keyof UpdateUserBody): unknown => {
    const value = body[key];
    switch (key) {
      case 'primary_email_address_id':
      case 'primary_phone_number_id':
      case 'primary_web3_wallet_id':
        return address(value as string);
      case 'password':
        return '(new password)';
      case 'password_digest':
        return '(new password digest)';
      case 'totp_secret':
        return '(new TOTP secret)';
      case 'backup_codes':
        return `(${(value as string[]).length} new backup codes)`;
      case 'username':
        return value === '' ? '(removed)' : value;
      case 'skip_password_checks':
      case 'sign_out_of_other_sessions':
      case 'notify_primary_email_address_changed':
      case 'skip_legal_checks':
        return value ? 'Yes' : 'No';
      default:
        return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value;
    }
  };
  const yesNo = (value: unknown) => (typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value);
  const keys = Object.keys(body) as (keyof UpdateUserBody)[];
  const beforeView = Object.fromEntries(keys.map((key) => [key, yesNo(was(key))]));
  const afterView = Object.fromEntries(keys.map((key) => [key, becomes(key)]));
  return changeRows(beforeView, afterView, LABELS);
}
