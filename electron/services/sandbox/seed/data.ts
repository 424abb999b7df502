/**
 * Word lists and fixed records the seed draws from. Email domains are reserved for examples
 * (example.com/.org/.net, .test) and phone numbers sit in fictional ranges (NANP 555-01xx style
 * and Ofcom's drama range), so no seeded identifier belongs to a real person.
 */

/** Given names. */
export const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'John',
  'Katherine', 'Donald', 'Sophie', 'Niklaus', 'Adele', 'Guido', 'Mary', 'James', 'Lucia', 'Mateo', 'Amara', 'Kenji', 'Priya', 'Omar',
  'Ingrid', 'Tomás', 'Chloé', 'Yuki', 'Leila', 'Noah', 'Zara', 'Felix', 'Aisha', 'Diego', 'Elena', 'Hiro', 'Nadia', 'Oscar', 'Maya',
  'Samuel', 'Freya', 'Ravi', 'Ines', 'Lars', 'Olivia', 'Kwame', 'Mei', 'Jonas', 'Ana', 'Rafael', 'Emma', 'Tariq', 'Sofia', 'Ben',
];

/** Family names. */
export const LAST_NAMES = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee',
  'Lamarr', 'McCarthy', 'Johnson', 'Knuth', 'Wilson', 'Wirth', 'Goldberg', 'van Rossum', 'Jackson', 'Gosling', 'García', 'Fernández',
  'Okafor', 'Tanaka', 'Sharma', 'Haddad', 'Larsen', 'Moreau', 'Sato', 'Rahimi', 'Müller', 'Novak', 'Schmidt', 'Silva', 'Kowalski',
  'Nguyen', 'Rossi', 'Andersson', 'Mensah', 'Chen', 'Dubois', 'Ibrahim', 'Costa', 'Petrov', 'Kim', 'O’Brien', 'Lindqvist', 'Baker',
];

/** Reserved example domains for seeded emails. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.test', 'inbox.test'];

/** OAuth providers of seeded external accounts, with their scopes. */
export const OAUTH_PROVIDERS = [
  { provider: 'oauth_google', scopes: 'email https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile openid profile' },
  { provider: 'oauth_github', scopes: 'read:user user:email' },
  { provider: 'oauth_microsoft', scopes: 'email offline_access openid profile User.Read' },
] as const;

/** Organizations of the seed: name, slug and the email domain their members tend to use. */
export const ORGANIZATIONS = [
  ['Acme Corporation', 'acme'], ['Globex', 'globex'], ['Initech', 'initech'], ['Umbrella Labs', 'umbrella-labs'], ['Hooli', 'hooli'],
  ['Stark Analytics', 'stark-analytics'], ['Wayne Logistics', 'wayne-logistics'], ['Cyberdyne Systems', 'cyberdyne'], ['Soylent Foods', 'soylent'],
  ['Tyrell Robotics', 'tyrell'], ['Vandelay Industries', 'vandelay'], ['Wonka Confectionery', 'wonka'], ['Oceanic Airlines', 'oceanic'],
  ['Massive Dynamic', 'massive-dynamic'], ['Pied Piper', 'pied-piper'], ['Aperture Science', 'aperture'], ['Black Mesa', 'black-mesa'],
  ['Gringotts', 'gringotts'], ['Monsters Inc', 'monsters-inc'], ['Dunder Mifflin', 'dunder-mifflin'], ['Prestige Worldwide', 'prestige-worldwide'],
  ['Sirius Cybernetics', 'sirius-cybernetics'], ['Blue Sun', 'blue-sun'], ['Nakatomi Trading', 'nakatomi'],
] as const;

/** Browsers and devices for session activity. */
export const DEVICES = [
  { device_type: 'Macintosh', is_mobile: false, browser_name: 'Chrome', browser_version: '131.0.0.0' },
  { device_type: 'Windows', is_mobile: false, browser_name: 'Edge', browser_version: '131.0.0.0' },
  { device_type: 'iPhone', is_mobile: true, browser_name: 'Safari', browser_version: '18.1' },
  { device_type: 'Android', is_mobile: true, browser_name: 'Chrome Mobile', browser_version: '131.0.0.0' },
  { device_type: 'Linux', is_mobile: false, browser_name: 'Firefox', browser_version: '133.0' },
] as const;

/** Cities for session activity. */
export const CITIES = [
  ['Berlin', 'DE'], ['San Francisco', 'US'], ['London', 'GB'], ['São Paulo', 'BR'], ['Tokyo', 'JP'], ['Lagos', 'NG'], ['Paris', 'FR'],
  ['Toronto', 'CA'], ['Bengaluru', 'IN'], ['Sydney', 'AU'], ['Stockholm', 'SE'], ['Madrid', 'ES'],
] as const;

/** Colours of the seeded avatars and logos. */
export const PALETTE: readonly (readonly [number, number, number])[] = [
  [99, 102, 241], [236, 72, 153], [16, 185, 129], [245, 158, 11], [59, 130, 246], [139, 92, 246], [239, 68, 68], [20, 184, 166],
];

/** Redirect URLs of the seed. */
export const REDIRECT_URLS = [
  'https://app.example.com/sso-callback',
  'https://staging.example.com/sso-callback',
  'my-app://oauth-callback',
  'http://localhost:3000/sso-callback',
];

/** JWT templates of the seed: name, claims (with shortcodes), lifetime in seconds. */
export const JWT_TEMPLATES: readonly { name: string; claims: Record<string, unknown>; lifetime: number }[] = [
  {
    name: 'supabase',
    claims: { aud: 'authenticated', role: 'authenticated', email: '{{user.primary_email_address}}', app_metadata: {}, user_metadata: {} },
    lifetime: 60,
  },
  {
    name: 'hasura',
    claims: {
      'https://hasura.io/jwt/claims': {
        'x-hasura-user-id': '{{user.id}}',
        'x-hasura-default-role': 'user',
        'x-hasura-allowed-roles': ['user'],
      },
    },
    lifetime: 300,
  },
  {
    name: 'api',
    claims: { name: '{{user.first_name}} {{user.last_name}}', email: '{{user.primary_email_address}}', plan: '{{user.public_metadata.plan}}' },
    lifetime: 3600,
  },
];
