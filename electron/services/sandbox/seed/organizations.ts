/**
 * Seeded organizations with logos and memberships of every role (one organization full at its
 * membership limit, one without an admin), and SAML connections (two active with real IdP
 * certificates, one draft without IdP settings).
 */
import { DEFAULT_LOGO_ID, imageUrl, type SandboxContext } from '../context';
import { ID_PREFIX, newId } from '../ids';
import { newSamlConnectionDoc, saveSamlConnection, setIdpCertificate } from '../saml/connections';
import { buildIdpMetadata, readCertificate } from '../saml/idp-metadata';
import { saveMembership } from '../store/memberships';
import { saveOrganization } from '../store/organizations';
import type { OrganizationDoc } from '../types';
import { ORGANIZATIONS } from './data';
import { GOOGLE_IDP_CERTIFICATE, OKTA_IDP_CERTIFICATE } from './idp-certificates';
import type { SeedRandom } from './random';

const DAY = 86_400_000;

/** Creates the organizations (as many as there are users for, at most the named list). */
export function seedOrganizations(ctx: SandboxContext, rnd: SeedRandom, userIds: string[], logoIds: string[]): OrganizationDoc[] {
  const now = ctx.now();
  const count = Math.min(ORGANIZATIONS.length, Math.max(1, Math.ceil(userIds.length / 8)));
  const orgs: OrganizationDoc[] = [];
  for (let i = 0; i < count; i++) {
    const [name, slug] = ORGANIZATIONS[i];
    const createdAt = now - (count - i) * 20 * DAY - rnd.int(0, DAY);
    const members = pickMembers(rnd, userIds, Math.min(userIds.length, i === 0 ? 40 : rnd.int(2, 25)));
    const hasLogo = i % 3 !== 2;
    const org: OrganizationDoc = {
      object: 'organization',
      id: newId(ID_PREFIX.organization, createdAt, rnd.bytes),
      name,
      slug,
      image_url: imageUrl(ctx, hasLogo ? logoIds[i % logoIds.length] : DEFAULT_LOGO_ID),
      has_image: hasLogo,
      // The fourth organization is full, so the membership limit can be seen at work.
      max_allowed_memberships: i === 3 ? members.length : 0,
      admin_delete_enabled: true,
      public_metadata: { industry: rnd.pick(['software', 'retail', 'finance', 'health', 'logistics']), seats: members.length },
      private_metadata: { billing_account: `acct_${rnd.hex(10)}` },
      created_by: members[0],
      created_at: createdAt,
      updated_at: createdAt,
      role_set_key: null,
    };
    saveOrganization(ctx.db, org);
    members.forEach((userId, k) => {
      // The fifth organization has lost its admin (missing_member_with_elevated_permissions).
      const role = i === 4 ? 'org:member' : k === 0 ? 'org:admin' : k % 7 === 3 ? 'org:billing' : k % 5 === 1 ? 'org:admin' : 'org:member';
      const at = createdAt + k * 3_600_000;
      saveMembership(ctx.db, {
        id: newId(ID_PREFIX.membership, at, rnd.bytes),
        organization_id: org.id,
        user_id: userId,
        role,
        public_metadata: JSON.stringify(k === 0 ? { title: 'Founder' } : {}),
        private_metadata: JSON.stringify(rnd.chance(0.2) ? { cost_center: `CC-${rnd.int(100, 999)}` } : {}),
        created_at: at,
        updated_at: at,
      });
    });
    orgs.push(org);
  }
  return orgs;
}

function pickMembers(rnd: SeedRandom, userIds: string[], count: number): string[] {
  const chosen = new Set<string>();
  // Favour recent users, so the personas show up in organizations.
  while (chosen.size < count) {
    const skewed = Math.floor(userIds.length * (1 - rnd.next() ** 2));
    chosen.add(userIds[Math.min(userIds.length - 1, skewed)]);
  }
  return [...chosen];
}

/** Creates the SAML connections. */
export function seedSamlConnections(ctx: SandboxContext, rnd: SeedRandom, orgs: OrganizationDoc[]): void {
  const now = ctx.now();
  const specs = [
    { name: 'Acme Okta', provider: 'saml_okta', domains: ['acme.test'], org: orgs[0], cert: OKTA_IDP_CERTIFICATE, host: 'acme.okta.test', users: 12 },
    { name: 'Globex Google Workspace', provider: 'saml_google', domains: ['globex.test', 'globex-corp.test'], org: orgs[1], cert: GOOGLE_IDP_CERTIFICATE, host: 'accounts.google.test', users: 5 },
    { name: 'Initech Entra ID (draft)', provider: 'saml_microsoft', domains: ['initech.test'], org: orgs[2], cert: null, host: null, users: 0 },
  ];
  specs.forEach((spec, i) => {
    const createdAt = now - (specs.length - i) * 10 * DAY;
    const doc = newSamlConnectionDoc(ctx.origin, {
      id: newId(ID_PREFIX.samlConnection, createdAt, rnd.bytes),
      name: spec.name,
      provider: spec.provider,
      domains: spec.domains,
      organizationId: spec.org?.id ?? null,
      createdAt,
    });
    if (spec.cert && spec.host) {
      doc.idp_entity_id = `https://${spec.host}/saml/${rnd.hex(12)}`;
      doc.idp_sso_url = `https://${spec.host}/app/sso/saml`;
      setIdpCertificate(doc, spec.cert);
      doc.idp_metadata = buildIdpMetadata(doc.idp_entity_id, doc.idp_sso_url, readCertificate(spec.cert).base64);
      doc.active = true;
      doc.attribute_mapping = { user_id: 'nameid', email_address: 'mail', first_name: 'givenName', last_name: 'sn' };
    }
    doc.user_count = spec.users;
    saveSamlConnection(ctx.db, doc);
  });
}
