/**
 * The create-user form's state and the `POST /users` body it makes: only what was filled in is
 * sent, lists without blank rows, statuses only when one entry is reserved, metadata only when it
 * is a non-empty object. Its fields are named as Clerk names them, so Clerk's `meta.param_name`
 * lands on the field it names.
 */
import type { CreateUserBody } from '@shared/ipc/channels/users';
import { userBodyIssues, type PasswordHasher } from '@shared/clerk/user-rules';
import { readJson, problemText } from '../../components/json-editor/json-problem';
import type { FieldMap, NamedMessage } from '../../components/forms/field-errors';

/** Three-way flags whose default is the instance's setting. */
export type InstanceFlag = 'default' | 'yes' | 'no';
/** Clerk's identification status at creation. */
export type IdentificationStatus = 'verified' | 'reserved';

/** How the new user gets a password. */
export type PasswordMode = 'none' | 'password' | 'digest';

/** What the form holds. */
export interface CreateUserForm {
  first_name: string;
  last_name: string;
  username: string;
  external_id: string;
  locale: string;
  email_address: string[];
  email_status: IdentificationStatus[];
  phone_number: string[];
  phone_status: IdentificationStatus[];
  web3_wallet: string[];
  passwordMode: PasswordMode;
  password: string;
  password_digest: string;
  password_hasher: PasswordHasher | null;
  skip_password_checks: boolean;
  skip_password_requirement: boolean;
  totp_secret: string;
  backup_codes: string;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  delete_self_enabled: InstanceFlag;
  create_organization_enabled: InstanceFlag;
  create_organizations_limit: number | null;
  created_at: string;
  legal_accepted_at: string;
  skip_legal_checks: boolean;
  skip_user_requirement: boolean;
  bypass_client_trust: boolean;
  banned: boolean;
  locked: boolean;
}

/** An empty form: one blank email row, no password, metadata `{}`. */
export function emptyCreateForm(): CreateUserForm {
  return {
    first_name: '', last_name: '', username: '', external_id: '', locale: '',
    email_address: [''], email_status: ['verified'], phone_number: [], phone_status: [], web3_wallet: [],
    passwordMode: 'none', password: '', password_digest: '', password_hasher: null, skip_password_checks: false, skip_password_requirement: false,
    totp_secret: '', backup_codes: '',
    public_metadata: '{}', private_metadata: '{}', unsafe_metadata: '{}',
    delete_self_enabled: 'default', create_organization_enabled: 'default', create_organizations_limit: null,
    created_at: '', legal_accepted_at: '', skip_legal_checks: false, skip_user_requirement: false, bypass_client_trust: false, banned: false, locked: false,
  };
}

/** The form's fields that errors can name. */
export const CREATE_FIELDS = [
  'first_name', 'last_name', 'username', 'external_id', 'locale', 'email_address', 'phone_number', 'web3_wallet', 'password', 'password_digest',
  'password_hasher', 'totp_secret', 'backup_codes', 'public_metadata', 'private_metadata', 'unsafe_metadata', 'create_organizations_limit',
  'created_at', 'legal_accepted_at',
] as const;
/** One of {@link CREATE_FIELDS}. */
export type CreateField = (typeof CREATE_FIELDS)[number];

/** Clerk's names that belong to another field of the form. */
export const CREATE_FIELD_MAP: FieldMap<CreateField> = {
  fields: CREATE_FIELDS,
  params: {
    email_address_identification_status: 'email_address',
    phone_number_identification_status: 'phone_number',
    skip_password_checks: 'password',
    skip_password_requirement: 'password',
  },
};

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const filled = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
const flag = (value: InstanceFlag) => (value === 'default' ? undefined : value === 'yes');

/** Statuses for the filled rows only; none at all unless one is reserved (Clerk's default is verified). */
function statusesOf(values: string[], statuses: IdentificationStatus[]): IdentificationStatus[] | undefined {
  const kept = values.flatMap((v, i) => (v.trim() ? [statuses[i] ?? 'verified'] : []));
  return kept.includes('reserved') ? kept : undefined;
}

/** The body, and the metadata texts that are not JSON objects. */
export function createUserBody(form: CreateUserForm): { body: CreateUserBody; issues: NamedMessage[] } {
  const issues: NamedMessage[] = [];
  const text = (value: string) => value.trim() || undefined;
  const metadata = (name: 'public_metadata' | 'private_metadata' | 'unsafe_metadata') => {
    const reading = readJson(form[name]);
    if (!reading.ok) return void issues.push({ name, message: problemText(reading.problem) });
    const value = reading.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return void issues.push({ name, message: 'Metadata must be a JSON object, e.g. {"plan": "pro"}.' });
    return Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
  };
  const emails = filled(form.email_address);
  const phones = filled(form.phone_number);
  const wallets = filled(form.web3_wallet);
  const codes = lines(form.backup_codes);
  const body: CreateUserBody = {
    first_name: text(form.first_name),
    last_name: text(form.last_name),
    username: text(form.username),
    external_id: text(form.external_id),
    locale: text(form.locale),
    email_address: emails.length ? emails : undefined,
    email_address_identification_status: statusesOf(form.email_address, form.email_status),
    phone_number: phones.length ? phones : undefined,
    phone_number_identification_status: statusesOf(form.phone_number, form.phone_status),
    web3_wallet: wallets.length ? wallets : undefined,
    ...(form.passwordMode === 'password' ? { password: form.password || undefined, skip_password_checks: form.skip_password_checks || undefined } : {}),
    ...(form.passwordMode === 'digest' ? { password_digest: text(form.password_digest), password_hasher: form.password_hasher ?? undefined } : {}),
    skip_password_requirement: form.passwordMode === 'none' && form.skip_password_requirement ? true : undefined,
    totp_secret: text(form.totp_secret),
    backup_codes: codes.length ? codes : undefined,
    public_metadata: metadata('public_metadata'),
    private_metadata: metadata('private_metadata'),
    unsafe_metadata: metadata('unsafe_metadata'),
    delete_self_enabled: flag(form.delete_self_enabled),
    create_organization_enabled: flag(form.create_organization_enabled),
    create_organizations_limit: form.create_organizations_limit ?? undefined,
    created_at: text(form.created_at),
    legal_accepted_at: text(form.legal_accepted_at),
    skip_legal_checks: form.skip_legal_checks || undefined,
    skip_user_requirement: form.skip_user_requirement || undefined,
    bypass_client_trust: form.bypass_client_trust || undefined,
    banned: form.banned || undefined,
    locked: form.locked || undefined,
  };
  if (form.passwordMode === 'password' && !form.password) issues.push({ name: 'password', message: 'Type the password, or choose “No password”.' });
  if (form.passwordMode === 'digest' && !form.password_digest.trim()) issues.push({ name: 'password_digest', message: 'Paste the digest, or choose “No password”.' });
  // Only what was filled in is sent.
  const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as CreateUserBody;
  return { body: sent, issues: [...issues, ...userBodyIssues(sent).map((issue) => ({ name: issue.field, message: issue.message }))] };
}
