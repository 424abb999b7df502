/**
 * SAML connections: list, create, read, update, delete. Each answers 402 when the instance's plan
 * setting is `free`. The Sandbox generates the SP URLs (ACS, entity ID, metadata) and reads IdP
 * settings from metadata XML, a (loopback) metadata URL, or the individual fields.
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import { RawJson, type Route, type RouteRequest, type RouteResult } from '../router';
import { SAML_PROVIDERS, hasCompleteIdp, newSamlConnectionDoc, saveSamlConnection } from '../saml/connections';
import { applyIdpInput, fetchIdpMetadata } from '../saml/idp-settings';
import { requireOrganization } from '../store/organizations';
import { Where, likeContains } from '../store/where';
import type { JsonObject, SamlConnectionDoc } from '../types';
import { validateBody, type BodySpec } from '../validation/body';

const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOGIN_HINT_MODES = ['email_address', 'custom_attribute', 'off'];
const MAPPING_KEYS = ['user_id', 'email_address', 'first_name', 'last_name'] as const;

const COMMON_FIELDS = {
  name: { type: 'string', nullable: true },
  domain: { type: 'string', nullable: true },
  domains: { type: 'string[]', nullable: true },
  idp_entity_id: { type: 'string', nullable: true },
  idp_sso_url: { type: 'string', nullable: true },
  idp_certificate: { type: 'string', nullable: true },
  idp_metadata_url: { type: 'string', nullable: true },
  idp_metadata: { type: 'string', nullable: true },
  organization_id: { type: 'string', nullable: true },
  attribute_mapping: { type: 'object', nullable: true },
  force_authn: { type: 'boolean' },
  login_hint: { type: 'object', nullable: true },
} satisfies BodySpec;

const CREATE_BODY = {
  ...COMMON_FIELDS,
  name: { type: 'string', required: true },
  provider: { type: 'string', required: true, enum: SAML_PROVIDERS },
} satisfies BodySpec;

const FLAGS = ['active', 'sync_user_attributes', 'allow_subdomains', 'allow_idp_initiated', 'disable_additional_identifications', 'allow_organization_account_linking'] as const;

const UPDATE_BODY = {
  ...COMMON_FIELDS,
  ...Object.fromEntries(FLAGS.map((flag) => [flag, { type: 'boolean', nullable: true }])),
  consent_verified_domains_deletion: { type: 'boolean', nullable: true },
} as BodySpec;

function requirePlan(ctx: SandboxContext): void {
  if (ctx.settings.plan === 'free') throw errors.paymentRequired('SAML connections');
}

function withPlan(handler: (req: RouteRequest) => RouteResult | Promise<RouteResult>): (req: RouteRequest) => RouteResult | Promise<RouteResult> {
  return (req) => {
    requirePlan(req.ctx);
    return handler(req);
  };
}

function requireConnection(ctx: SandboxContext, id: string): SamlConnectionDoc {
  const row = ctx.db.get<{ doc: string }>('SELECT doc FROM saml_connections WHERE id = ?', [id]);
  if (!row) throw errors.notFound(`No SAML connection was found with id ${id}`, 'SAML connection not found');
  return JSON.parse(row.doc) as SamlConnectionDoc;
}

/** Validated, de-duplicated, lower-case domains; 409 (the spec's Conflict) when another connection uses one. */
function checkDomains(ctx: SandboxContext, domains: string[], exceptId?: string): string[] {
  const clean = [...new Set(domains.map((d) => d.trim().toLowerCase()))];
  if (clean.length === 0) throw errors.paramMissing('domains');
  for (const domain of clean) {
    if (!DOMAIN_PATTERN.test(domain)) throw errors.paramFormat('domains', `${domain} is not a valid domain.`);
  }
  for (const row of ctx.db.all<{ id: string; doc: string }>('SELECT id, doc FROM saml_connections')) {
    if (row.id === exceptId) continue;
    const taken = (JSON.parse(row.doc) as SamlConnectionDoc).domains.find((d) => clean.includes(d));
    if (taken) {
      throw errors.conflict('duplicate_record', 'domain already in use', `The domain ${taken} is already used by SAML connection ${row.id}.`, {
        param_name: 'domains',
      });
    }
  }
  return clean;
}

function applyMapping(doc: SamlConnectionDoc, mapping: JsonObject | null | undefined): void {
  if (!mapping) return;
  for (const [key, value] of Object.entries(mapping)) {
    if (!(MAPPING_KEYS as readonly string[]).includes(key)) throw errors.paramUnknown(`attribute_mapping.${key}`);
    if (typeof value !== 'string') throw errors.paramType(`attribute_mapping.${key}`, 'a string');
    doc.attribute_mapping[key as (typeof MAPPING_KEYS)[number]] = value;
  }
}

function applyLoginHint(doc: SamlConnectionDoc, hint: JsonObject | null | undefined): void {
  if (!hint) return;
  if (typeof hint.mode !== 'string' || !LOGIN_HINT_MODES.includes(hint.mode)) {
    throw errors.paramValue('login_hint.mode', `login_hint.mode must be one of ${LOGIN_HINT_MODES.join(', ')}.`);
  }
  if (hint.source !== undefined && typeof hint.source !== 'string') throw errors.paramType('login_hint.source', 'a string');
  doc.login_hint = { mode: hint.mode, ...(typeof hint.source === 'string' ? { source: hint.source } : {}) };
}

async function createConnection({ ctx, body: raw }: RouteRequest): Promise<SamlConnectionDoc> {
  const body = validateBody(raw, CREATE_BODY);
  const domains = checkDomains(ctx, body.domains ?? (body.domain ? [body.domain] : []));
  if (body.organization_id) requireOrganization(ctx, body.organization_id);
  const fetched = body.idp_metadata_url && !body.idp_metadata ? await fetchIdpMetadata(body.idp_metadata_url) : undefined;
  const now = ctx.now();
  const doc = newSamlConnectionDoc(ctx.origin, {
    id: newId(ID_PREFIX.samlConnection, now, ctx.random),
    name: body.name!.trim(),
    provider: body.provider!,
    domains,
    organizationId: body.organization_id ?? null,
    createdAt: now,
  });
  applyIdpInput(doc, body, fetched);
  applyMapping(doc, body.attribute_mapping);
  applyLoginHint(doc, body.login_hint);
  if (body.force_authn != null) doc.force_authn = body.force_authn;
  // Domains are re-checked after the await: another request may have claimed one meanwhile.
  checkDomains(ctx, domains);
  saveSamlConnection(ctx.db, doc);
  return doc;
}

async function updateConnection({ ctx, params, body: raw }: RouteRequest): Promise<SamlConnectionDoc> {
  const body = validateBody(raw, UPDATE_BODY) as ReturnType<typeof validateBody<typeof COMMON_FIELDS>> & Record<string, boolean | null | undefined>;
  requireConnection(ctx, params.saml_connection_id);
  const fetched = body.idp_metadata_url && !body.idp_metadata ? await fetchIdpMetadata(body.idp_metadata_url) : undefined;
  const doc = requireConnection(ctx, params.saml_connection_id);
  if (body.name) doc.name = body.name.trim();
  if (body.domains || body.domain) doc.domains = checkDomains(ctx, body.domains ?? [body.domain!], doc.id);
  if (body.organization_id !== undefined) {
    if (body.organization_id) requireOrganization(ctx, body.organization_id);
    doc.organization_id = body.organization_id || null;
  }
  applyIdpInput(doc, body, fetched);
  applyMapping(doc, body.attribute_mapping);
  applyLoginHint(doc, body.login_hint);
  if (body.force_authn != null) doc.force_authn = body.force_authn;
  for (const flag of FLAGS) {
    const value = body[flag];
    if (typeof value === 'boolean') doc[flag] = value;
  }
  if (doc.active && !hasCompleteIdp(doc)) {
    throw errors.unprocessable(
      'saml_connection_cant_be_activated',
      'cannot be activated',
      'The SAML connection cannot be activated: set the IdP entity ID, SSO URL and certificate (or IdP metadata) first.',
      { param_name: 'active' },
    );
  }
  doc.updated_at = ctx.now();
  saveSamlConnection(ctx.db, doc);
  return doc;
}

function listConnections({ ctx, query }: RouteRequest): RawJson {
  const where = new Where();
  const text = query.string('query');
  if (text !== undefined) where.add("name LIKE ? ESCAPE '\\'", likeContains(text.trim()));
  where.idFilter('organization_id', query.idFilter('organization_id'), true);
  const order = query.orderBy(['created_at', 'name'], '-created_at')!;
  const dir = order.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = ctx.db.all<{ doc: string }>(`SELECT doc FROM saml_connections ${where.sql()} ORDER BY ${order.field} ${dir}, id ${dir} LIMIT ? OFFSET ?`, [
    ...where.params,
    query.limit(),
    query.offset(),
  ]);
  const total = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM saml_connections ${where.sql()}`, where.params)!.n;
  return new RawJson(`{"data":[${rows.map((r) => r.doc).join(',')}],"total_count":${total}}`);
}

/** Routes of /saml_connections. */
export const samlConnectionRoutes: Route[] = [
  { method: 'GET', template: '/saml_connections', handler: withPlan(listConnections) },
  { method: 'POST', template: '/saml_connections', handler: withPlan(createConnection) },
  { method: 'GET', template: '/saml_connections/{saml_connection_id}', handler: withPlan(({ ctx, params }) => requireConnection(ctx, params.saml_connection_id)) },
  { method: 'PATCH', template: '/saml_connections/{saml_connection_id}', handler: withPlan(updateConnection) },
  {
    method: 'DELETE',
    template: '/saml_connections/{saml_connection_id}',
    handler: withPlan(({ ctx, params }) => {
      const doc = requireConnection(ctx, params.saml_connection_id);
      ctx.db.run('DELETE FROM saml_connections WHERE id = ?', [doc.id]);
      return { object: 'saml_connection', id: doc.id, deleted: true };
    }),
  },
];
