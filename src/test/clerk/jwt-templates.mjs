// Clerk JWT templates against Claimsmith with Clerk's official Node SDK, unmodified (run by
// ClerkJwtSdkInteropApiTest against a live server): a template created through the SDK, a
// session token for it minted for a Claimsmith session, and the SDK's own verifyToken
// accepting it. A failure is a wire incompatibility in Claimsmith, never something to
// work around here.
import assert from 'node:assert/strict';
import { createClerkClient, verifyToken } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';

const base = process.env.CLAIMSMITH_URL;
const secretKey = process.env.CLAIMSMITH_API_KEY;
if (!base || !secretKey) {
  console.error('Set CLAIMSMITH_URL and CLAIMSMITH_API_KEY');
  process.exit(2);
}
const apiUrl = base + '/clerk';
const clerk = createClerkClient({ secretKey, apiUrl });
const unique = () => Math.random().toString(36).slice(2, 10);
const password = 'correct horse battery staple';

// Users, memberships and the sign-in go through Claimsmith's own API: the Clerk wire has
// no sign-in, and a session is Claimsmith's.
async function claimsmith(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: 'Bearer ' + secretKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

function payloadOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function rejectsWith(promise, status, code) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isClerkAPIResponseError(error), 'a ClerkAPIResponseError, got ' + error);
    assert.equal(error.status, status, JSON.stringify(error.errors));
    if (code) {
      assert.equal(error.errors[0].code, code, JSON.stringify(error.errors));
    }
    return error;
  }
  assert.fail('expected a ClerkAPIResponseError with status ' + status);
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });
const state = {};

check('set-up: an organization (SDK), a user and an admin membership (Claimsmith API)', async () => {
  state.org = await clerk.organizations.createOrganization({
    name: 'JWT Org ' + unique(),
    publicMetadata: { plan: 'pro', limits: { seats: 5 } },
  });
  state.email = `jwt-${unique()}@example.com`;
  state.user = await claimsmith('POST', '/user_management/users', {
    email: state.email,
    password,
    first_name: 'Maria',
    last_name: 'Doe',
    email_verified: true,
    public_metadata: { interests: ['reading', 'climbing'], beta: false },
  });
  await claimsmith('POST', '/user_management/organization_memberships', {
    user_id: state.user.id,
    organization_id: state.org.id,
    role_slug: 'admin',
    public_metadata: { seat: 7 },
  });
});

check('sign in through /user_management/authenticate: a live Claimsmith session', async () => {
  const signedIn = await claimsmith('POST', '/user_management/authenticate', {
    grant_type: 'password',
    client_id: 'client_claimsmith',
    client_secret: secretKey,
    email: state.email,
    password,
    organization_id: state.org.id,
  });
  state.sid = payloadOf(signedIn.access_token).sid;
  assert.match(state.sid, /^sess_/);
});

const claims = {
  aud: 'convex',
  name: '{{user.full_name}}',
  email: '{{user.primary_email_address}}',
  interests: '{{user.public_metadata.interests}}',
  beta: "{{user.public_metadata.beta || 'no'}}",
  org_id: '{{org.id}}',
  org_slug: '{{org.slug}}',
  org_role: '{{org.role}}',
  org_permissions: '{{org_membership.permissions}}',
  plan: "{{org.public_metadata.plan || 'free'}}",
  seats: '{{org.public_metadata.limits.seats}}',
  seat: '{{org_membership.public_metadata.seat}}',
  greeting: 'Hello {{user.first_name}} from {{org.name}}',
  nothing: '{{user.external_id}}',
};

check('jwtTemplates.create: a template in Clerk\'s dialect, as the SDK parses it', async () => {
  state.name = 'clerk-' + unique();
  const template = await clerk.jwtTemplates.create({ name: state.name, claims, lifetime: 120, allowedClockSkew: 10 });
  assert.match(template.id, /^jtmp_/);
  assert.equal(template.name, state.name);
  assert.deepEqual(template.claims, claims);
  assert.equal(template.lifetime, 120);
  assert.equal(template.allowedClockSkew, 10);
  assert.equal(template.customSigningKey, false);
  assert.equal(template.signingAlgorithm, 'RS256');
  assert.equal(typeof template.createdAt, 'number');
  state.template = template;
});

check('jwtTemplates.get and list find it', async () => {
  const got = await clerk.jwtTemplates.get(state.template.id);
  assert.deepEqual(got.claims, claims);
  const list = await clerk.jwtTemplates.list();
  assert.ok(list.data.some((t) => t.id === state.template.id), 'listed');
  assert.equal(typeof list.totalCount, 'number');
});

check('an unknown shortcode is a 422 naming the claim, where Clerk would render null', async () => {
  const error = await rejectsWith(
    clerk.jwtTemplates.create({ name: 'clerk-' + unique(), claims: { x: '{{user.i_dont_exist}}' } }), 422,
    'form_param_format_invalid');
  assert.match(error.errors[0].longMessage, /\/x: Unknown shortcode "user.i_dont_exist"/);
  assert.equal(error.errors[0].meta.paramName, 'claims');
});

check('a default claim and a taken name are refused', async () => {
  await rejectsWith(clerk.jwtTemplates.create({ name: 'clerk-' + unique(), claims: { sub: '{{user.id}}' } }), 422);
  await rejectsWith(clerk.jwtTemplates.create({ name: state.name, claims: { a: 1 } }), 422, 'form_identifier_exists');
});

check('sessions.getToken + verifyToken: the SDK accepts the token, claims as the template says', async () => {
  const token = await clerk.sessions.getToken(state.sid, state.name);
  const payload = await verifyToken(token.jwt, { secretKey, apiUrl });
  assert.equal(payload.sub, state.user.id);
  assert.equal(payload.sid, state.sid);
  assert.equal(payload.exp - payload.iat, 120);
  assert.equal(payload.iat - payload.nbf, 10);
  assert.equal(payload.aud, 'convex');
  assert.equal(payload.name, 'Maria Doe');
  assert.equal(payload.email, state.email);
  assert.deepEqual(payload.interests, ['reading', 'climbing']);
  assert.equal(payload.beta, 'no');
  assert.equal(payload.org_id, state.org.id);
  assert.equal(payload.org_slug, state.org.slug);
  assert.equal(payload.org_role, 'org:admin');
  assert.ok(Array.isArray(payload.org_permissions));
  assert.equal(payload.plan, 'pro');
  assert.equal(payload.seats, 5);
  assert.equal(payload.seat, 7);
  assert.equal(payload.greeting, `Hello Maria from ${state.org.name}`);
  assert.ok('nothing' in payload && payload.nothing === null, 'a null value stays in the token, as in Clerk');
  assert.ok(!('client_id' in payload), 'Clerk\'s default claims, not Claimsmith\'s');
});

check('jwtTemplates.update: new claims and lifetime apply to the next token', async () => {
  const updated = await clerk.jwtTemplates.update({
    templateId: state.template.id, name: state.name, claims: { tier: "{{org.public_metadata.tier || 'bronze'}}" },
    lifetime: 60,
  });
  assert.equal(updated.lifetime, 60);
  const token = await clerk.sessions.getToken(state.sid, state.name);
  const payload = await verifyToken(token.jwt, { secretKey, apiUrl });
  assert.equal(payload.tier, 'bronze');
  assert.equal(payload.exp - payload.iat, 60);
  assert.ok(!('name' in payload));
});

check('a token whose payload was changed is refused by verifyToken', async () => {
  const token = await clerk.sessions.getToken(state.sid, state.name);
  const [header, , signature] = token.jwt.split('.');
  const forged = Buffer.from(JSON.stringify({ ...payloadOf(token.jwt), sub: 'user_someone_else' })).toString('base64url');
  await assert.rejects(verifyToken(`${header}.${forged}.${signature}`, { secretKey, apiUrl }));
});

check('errors: an unknown session, template or template id is a 404', async () => {
  await rejectsWith(clerk.sessions.getToken('sess_01HXXXXXXXXXXXXXXXXXXXXXXX', state.name), 404, 'resource_not_found');
  await rejectsWith(clerk.sessions.getToken(state.sid, 'no-such-template'), 404, 'resource_not_found');
  await rejectsWith(clerk.jwtTemplates.get('jtmp_01HXXXXXXXXXXXXXXXXXXXXXXX'), 404, 'resource_not_found');
});

check('jwtTemplates.delete, then it is gone', async () => {
  const deleted = await clerk.jwtTemplates.delete(state.template.id);
  assert.equal(deleted.id, state.template.id);
  assert.equal(deleted.deleted, true);
  await rejectsWith(clerk.jwtTemplates.get(state.template.id), 404, 'resource_not_found');
  await rejectsWith(clerk.sessions.getToken(state.sid, state.name), 404);
});

let failed = 0;
for (const { name, fn } of checks) {
  try {
    await fn();
    console.log('ok   ' + name);
  } catch (error) {
    failed++;
    console.log('FAIL ' + name + '\n     ' + (error.stack || error));
  }
}
if (failed) {
  console.log(`clerk jwt interop: ${failed} of ${checks.length} checks failed`);
  process.exit(1);
}
console.log(`clerk jwt interop: all ${checks.length} checks passed`);
