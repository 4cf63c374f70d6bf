// Drives Claimsmith's /clerk wire with Clerk's official Node SDK, unmodified (run by
// ClerkSdkInteropApiTest against a live server). Every check must pass; a failure is a wire
// incompatibility in Claimsmith, never something to work around here.
import assert from 'node:assert/strict';
import { createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';

const base = process.env.CLAIMSMITH_URL;
const secretKey = process.env.CLAIMSMITH_API_KEY;
if (!base || !secretKey) {
  console.error('Set CLAIMSMITH_URL and CLAIMSMITH_API_KEY');
  process.exit(2);
}
const clerk = createClerkClient({ secretKey, apiUrl: base + '/clerk' });
const unique = () => Math.random().toString(36).slice(2, 10);

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

async function rejectsWith(promise, status, code) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isClerkAPIResponseError(error), 'a ClerkAPIResponseError, got ' + error);
    assert.equal(error.status, status, JSON.stringify(error.errors));
    assert.ok(error.errors.length > 0, 'the error lists its errors');
    assert.equal(typeof error.clerkTraceId, 'string');
    assert.ok(error.clerkTraceId.length > 0, 'a clerk_trace_id');
    if (code) {
      assert.equal(error.errors[0].code, code, JSON.stringify(error.errors));
    }
    return error;
  }
  assert.fail('expected a ClerkAPIResponseError with status ' + status);
}

check('a wrong secret key is a ClerkAPIResponseError 401', async () => {
  const wrong = createClerkClient({ secretKey: 'sk_test_wrong', apiUrl: base + '/clerk' });
  await rejectsWith(wrong.organizations.getOrganization({ organizationId: 'org_01HXXXXXXXXXXXXXXXXXXXXXXX' }), 401,
    'authentication_invalid');
});

check('an unknown organization is a ClerkAPIResponseError 404', async () => {
  await rejectsWith(clerk.organizations.getOrganization({ organizationId: 'org_01HXXXXXXXXXXXXXXXXXXXXXXX' }), 404,
    'resource_not_found');
});

const state = {};

check('organizations: create with both metadata classes, a generated slug, get by id and by slug', async () => {
  const name = 'Clerk Org ' + unique();
  const org = await clerk.organizations.createOrganization({
    name,
    privateMetadata: { plan: { tier: 'gold', seats: 5 }, flags: ['a', 'b'] },
    publicMetadata: { region: 'eu', nested: { keep: true, drop: 1 } },
    maxAllowedMemberships: 10,
  });
  assert.match(org.id, /^org_/);
  assert.equal(org.name, name);
  assert.match(org.slug, /^clerk-org-[a-z0-9]+$/);
  assert.deepEqual(org.privateMetadata, { plan: { tier: 'gold', seats: 5 }, flags: ['a', 'b'] });
  assert.deepEqual(org.publicMetadata, { region: 'eu', nested: { keep: true, drop: 1 } });
  assert.equal(typeof org.createdAt, 'number');
  assert.ok(Math.abs(org.createdAt - Date.now()) < 10 * 60 * 1000, 'createdAt is Unix milliseconds');
  const byId = await clerk.organizations.getOrganization({ organizationId: org.id });
  assert.equal(byId.slug, org.slug);
  const bySlug = await clerk.organizations.getOrganization({ slug: org.slug, includeMembersCount: true });
  assert.equal(bySlug.id, org.id);
  assert.equal(bySlug.membersCount, 0);
  state.org = org;
});

check('organizations: a chosen slug, a taken slug is a 422, update renames and re-slugs', async () => {
  const slug = 'acme-' + unique();
  const org = await clerk.organizations.createOrganization({ name: 'Acme', slug });
  assert.equal(org.slug, slug);
  const error = await rejectsWith(clerk.organizations.createOrganization({ name: 'Acme again', slug }), 422);
  assert.equal(error.errors[0].meta.paramName, 'slug');
  const renamed = await clerk.organizations.updateOrganization(org.id, { name: 'Acme Renamed', slug: slug + '-x' });
  assert.equal(renamed.name, 'Acme Renamed');
  assert.equal(renamed.slug, slug + '-x');
  state.acme = renamed;
});

check('organizations: PATCH metadata deep-merges with null deletes at depth; PUT replaces per class', async () => {
  const merged = await clerk.organizations.updateOrganizationMetadata(state.org.id, {
    privateMetadata: { plan: { seats: null, trial: false } },
    publicMetadata: { nested: { drop: null, added: 'x' } },
  });
  assert.deepEqual(merged.privateMetadata, { plan: { tier: 'gold', trial: false }, flags: ['a', 'b'] });
  assert.deepEqual(merged.publicMetadata, { region: 'eu', nested: { keep: true, added: 'x' } });
  const replaced = await clerk.organizations.replaceOrganizationMetadata(state.org.id, {
    publicMetadata: { only: 1 },
  });
  assert.deepEqual(replaced.publicMetadata, { only: 1 });
  assert.deepEqual(replaced.privateMetadata, merged.privateMetadata, 'a class not sent stays');
});

check('organizations: metadata over 8 KiB is a 422 in Clerk\'s envelope', async () => {
  const error = await rejectsWith(clerk.organizations.updateOrganizationMetadata(state.org.id, {
    publicMetadata: { big: 'x'.repeat(9000) },
  }), 422);
  assert.equal(error.errors[0].meta.paramName, 'public_metadata');
});

check('organizations: the list pages with limit/offset and total count, query filters', async () => {
  const all = await clerk.organizations.getOrganizationList({ limit: 1, offset: 0 });
  assert.equal(all.data.length, 1);
  assert.ok(all.totalCount >= 2);
  const found = await clerk.organizations.getOrganizationList({ query: state.org.slug });
  assert.deepEqual(found.data.map((o) => o.id), [state.org.id]);
  assert.equal(found.totalCount, 1);
});

check('users: create with email, password, names, external id and three metadata classes', async () => {
  const email = `clerk-${unique()}@example.com`;
  const externalId = 'ext-' + unique();
  const user = await clerk.users.createUser({
    emailAddress: [email],
    password: 'correct horse battery staple',
    firstName: 'Ada',
    lastName: 'Lovelace',
    externalId,
    privateMetadata: { stripe: { customer: 'cus_1', cards: 2 } },
    publicMetadata: { role: 'engineer', prefs: { theme: 'dark', lang: 'en' } },
    unsafeMetadata: { onboarding: { step: 3 } },
  });
  assert.match(user.id, /^user_/);
  assert.equal(user.firstName, 'Ada');
  assert.equal(user.externalId, externalId);
  assert.equal(user.passwordEnabled, true);
  assert.equal(user.emailAddresses.length, 1);
  assert.equal(user.primaryEmailAddressId, user.emailAddresses[0].id);
  assert.equal(user.primaryEmailAddress.emailAddress, email);
  assert.equal(user.emailAddresses[0].verification.status, 'verified');
  assert.deepEqual(user.emailAddresses[0].linkedTo, []);
  assert.deepEqual(user.privateMetadata, { stripe: { customer: 'cus_1', cards: 2 } });
  assert.deepEqual(user.unsafeMetadata, { onboarding: { step: 3 } });
  assert.equal(typeof user.createdAt, 'number');
  state.user = user;
  state.email = email;
});

check('users: a taken email is a 422 form_identifier_exists; a short password a 422', async () => {
  const error = await rejectsWith(clerk.users.createUser({ emailAddress: [state.email.toUpperCase()] }), 422,
    'form_identifier_exists');
  assert.equal(error.errors[0].meta.paramName, 'email_address');
  await rejectsWith(clerk.users.createUser({ emailAddress: [`p-${unique()}@example.com`], password: 'short' }), 422);
});

check('users: get, look up by email and external id, count, list pages', async () => {
  const fetched = await clerk.users.getUser(state.user.id);
  assert.equal(fetched.primaryEmailAddress.emailAddress, state.email);
  const byEmail = await clerk.users.getUserList({ emailAddress: [state.email] });
  assert.deepEqual(byEmail.data.map((u) => u.id), [state.user.id]);
  assert.equal(byEmail.totalCount, 1);
  const byExternalId = await clerk.users.getUserList({ externalId: [state.user.externalId] });
  assert.deepEqual(byExternalId.data.map((u) => u.id), [state.user.id]);
  const count = await clerk.users.getCount({ emailAddress: [state.email] });
  assert.equal(count, 1);
  const page = await clerk.users.getUserList({ limit: 1, offset: 0, orderBy: '-created_at' });
  assert.equal(page.data.length, 1);
  assert.ok(page.totalCount >= 1);
});

check('users: update names, PATCH metadata deep-merges with null at depth, PUT replaces', async () => {
  const renamed = await clerk.users.updateUser(state.user.id, { firstName: 'Augusta' });
  assert.equal(renamed.firstName, 'Augusta');
  assert.equal(renamed.lastName, 'Lovelace');
  const merged = await clerk.users.updateUserMetadata(state.user.id, {
    publicMetadata: { prefs: { lang: null, tz: 'UTC' } },
    privateMetadata: { stripe: { cards: null } },
  });
  assert.deepEqual(merged.publicMetadata, { role: 'engineer', prefs: { theme: 'dark', tz: 'UTC' } });
  assert.deepEqual(merged.privateMetadata, { stripe: { customer: 'cus_1' } });
  assert.deepEqual(merged.unsafeMetadata, { onboarding: { step: 3 } });
  const replaced = await clerk.users.replaceUserMetadata(state.user.id, { unsafeMetadata: { fresh: true } });
  assert.deepEqual(replaced.unsafeMetadata, { fresh: true });
  assert.deepEqual(replaced.publicMetadata, merged.publicMetadata);
  const viaUpdate = await clerk.users.updateUser(state.user.id, { privateMetadata: { only: 'this' } });
  assert.deepEqual(viaUpdate.privateMetadata, { only: 'this' });
});

check('users: an unknown user is a ClerkAPIResponseError 404', async () => {
  await rejectsWith(clerk.users.getUser('user_01HXXXXXXXXXXXXXXXXXXXXXXX'), 404, 'resource_not_found');
});

check('memberships: create by user id with a role, embed organization and public user data', async () => {
  const membership = await clerk.organizations.createOrganizationMembership({
    organizationId: state.org.id,
    userId: state.user.id,
    role: 'org:admin',
  });
  assert.match(membership.id, /^om_/);
  assert.equal(membership.role, 'org:admin');
  assert.equal(membership.organization.id, state.org.id);
  assert.equal(membership.organization.slug, state.org.slug);
  assert.equal(membership.publicUserData.userId, state.user.id);
  assert.equal(membership.publicUserData.identifier, state.email);
  const again = await rejectsWith(clerk.organizations.createOrganizationMembership({
    organizationId: state.org.id, userId: state.user.id, role: 'org:member',
  }), 400);
  assert.equal(again.errors[0].code, 'already_a_member_in_organization');
  await rejectsWith(clerk.organizations.createOrganizationMembership({
    organizationId: state.acme.id, userId: state.user.id, role: 'org:wizard',
  }), 422);
});

check('memberships: list by organization and by user, change role, deep-merge metadata', async () => {
  const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: state.org.id });
  assert.equal(list.totalCount, 1);
  assert.equal(list.data[0].publicUserData.userId, state.user.id);
  const ofUser = await clerk.users.getOrganizationMembershipList({ userId: state.user.id });
  assert.deepEqual(ofUser.data.map((m) => m.organization.id), [state.org.id]);
  const demoted = await clerk.organizations.updateOrganizationMembership({
    organizationId: state.org.id, userId: state.user.id, role: 'org:member',
  });
  assert.equal(demoted.role, 'org:member');
  await clerk.organizations.updateOrganizationMembershipMetadata({
    organizationId: state.org.id, userId: state.user.id,
    publicMetadata: { team: { name: 'core', size: 3 } }, privateMetadata: { cost_center: 42 },
  });
  const merged = await clerk.organizations.updateOrganizationMembershipMetadata({
    organizationId: state.org.id, userId: state.user.id, publicMetadata: { team: { size: null } },
  });
  assert.deepEqual(merged.publicMetadata, { team: { name: 'core' } });
  assert.deepEqual(merged.privateMetadata, { cost_center: 42 });
  const counted = await clerk.organizations.getOrganization({ organizationId: state.org.id, includeMembersCount: true });
  assert.equal(counted.membersCount, 1);
});

check('memberships: delete removes the membership', async () => {
  const deleted = await clerk.organizations.deleteOrganizationMembership({
    organizationId: state.org.id, userId: state.user.id,
  });
  assert.equal(deleted.publicUserData.userId, state.user.id);
  const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: state.org.id });
  assert.equal(list.totalCount, 0);
  await rejectsWith(clerk.organizations.deleteOrganizationMembership({
    organizationId: state.org.id, userId: state.user.id,
  }), 404);
});

check('lists: role, two user ids, email address, query and organization ids filter; orderBy orders', async () => {
  const tag = unique();
  const org = await clerk.organizations.createOrganization({ name: 'Filters A ' + tag });
  const other = await clerk.organizations.createOrganization({ name: 'Filters B ' + tag });
  const make = (first, last) => clerk.users.createUser({
    emailAddress: [`${first.toLowerCase()}-${tag}@example.com`], firstName: first, lastName: last,
  });
  const ann = await make('Ann', 'Quill');
  const bob = await make('Bob', 'Quill');
  const cid = await make('Cid', 'Rowe');
  for (const [user, role] of [[ann, 'org:admin'], [bob, 'org:member'], [cid, 'org:member']]) {
    await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role });
  }
  const members = async (params) => {
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, ...params });
    return { ids: list.data.map((m) => m.publicUserData.userId), totalCount: list.totalCount };
  };
  assert.deepEqual(await members({ role: ['org:admin'] }), { ids: [ann.id], totalCount: 1 });
  assert.deepEqual(await members({ userId: [ann.id, cid.id], orderBy: '+created_at' }),
    { ids: [ann.id, cid.id], totalCount: 2 });
  assert.deepEqual(await members({ emailAddress: [`BOB-${tag}@EXAMPLE.COM`] }), { ids: [bob.id], totalCount: 1 });
  assert.deepEqual(await members({ query: 'quill', orderBy: '-first_name' }),
    { ids: [bob.id, ann.id], totalCount: 2 });
  assert.deepEqual(await members({ role: ['org:member'], query: 'ROWE' }), { ids: [cid.id], totalCount: 1 });
  assert.deepEqual(await members({ orderBy: 'first_name', limit: 2 }), { ids: [ann.id, bob.id], totalCount: 3 });
  const tooMany = await rejectsWith(clerk.organizations.getOrganizationMembershipList({
    organizationId: org.id, userId: Array.from({ length: 101 }, (_, i) => 'user_' + i),
  }), 422, 'form_param_format_invalid');
  assert.equal(tooMany.errors[0].meta.paramName, 'user_id');

  const organizations = async (params) => {
    const list = await clerk.organizations.getOrganizationList({ organizationId: [org.id, other.id], ...params });
    return { ids: list.data.map((o) => o.id), totalCount: list.totalCount };
  };
  assert.deepEqual(await organizations({ orderBy: 'name' }), { ids: [org.id, other.id], totalCount: 2 });
  assert.deepEqual(await organizations({ orderBy: '-name' }), { ids: [other.id, org.id], totalCount: 2 });
  assert.deepEqual(await organizations({ orderBy: 'members_count' }), { ids: [other.id, org.id], totalCount: 2 });
  assert.deepEqual(await organizations({ query: 'filters b' }), { ids: [other.id], totalCount: 1 });
  const counted = await clerk.organizations.getOrganizationList({
    organizationId: [org.id], includeMembersCount: true,
  });
  assert.equal(counted.data[0].membersCount, 3);

  const users = await clerk.users.getUserList({ userId: [ann.id, bob.id, cid.id], orderBy: '-last_name' });
  assert.deepEqual(users.data.map((u) => u.id), [cid.id, bob.id, ann.id], 'Quill ties fall by id, newest first');
  assert.equal(users.totalCount, 3);
  const byUsername = await clerk.users.getUserList({ userId: [ann.id, bob.id, cid.id], orderBy: 'username' });
  assert.deepEqual(byUsername.data.map((u) => u.id), [ann.id, bob.id, cid.id], 'no usernames: all ties, by id');
  await rejectsWith(clerk.users.getUserList({ orderBy: 'role' }), 422, 'form_param_format_invalid');
});

const workos = async (method, path, body) => {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: response.status === 202 ? null : await response.json() };
};

check('invitations: create with both metadata classes, get, list by status, revoke', async () => {
  const email = `invitee-${unique()}@example.com`;
  const invitation = await clerk.organizations.createOrganizationInvitation({
    organizationId: state.org.id,
    emailAddress: email,
    role: 'org:admin',
    inviterUserId: state.user.id,
    privateMetadata: { source: { campaign: 'spring' } },
    publicMetadata: { welcome: 'hello', seats: [1, 2] },
  });
  assert.match(invitation.id, /^invitation_/);
  assert.equal(invitation.emailAddress, email);
  assert.equal(invitation.role, 'org:admin');
  assert.equal(invitation.status, 'pending');
  assert.equal(invitation.organizationId, state.org.id);
  assert.ok(invitation.url && invitation.url.length > 0, 'the accept link on create');
  assert.ok(invitation.expiresAt > Date.now());
  assert.deepEqual(invitation.privateMetadata, { source: { campaign: 'spring' } });
  assert.equal(invitation.publicOrganizationData.slug, state.org.slug);
  const fetched = await clerk.organizations.getOrganizationInvitation({
    organizationId: state.org.id, invitationId: invitation.id,
  });
  assert.deepEqual(fetched.publicMetadata, { welcome: 'hello', seats: [1, 2] });
  const pending = await clerk.organizations.getOrganizationInvitationList({
    organizationId: state.org.id, status: ['pending'],
  });
  assert.ok(pending.data.some((i) => i.id === invitation.id));
  await rejectsWith(clerk.organizations.createOrganizationInvitation({
    organizationId: state.org.id, emailAddress: email, role: 'org:member',
  }), 400, 'duplicate_invitation');
  const revoked = await clerk.organizations.revokeOrganizationInvitation({
    organizationId: state.org.id, invitationId: invitation.id, requestingUserId: state.user.id,
  });
  assert.equal(revoked.status, 'revoked');
  const listedRevoked = await clerk.organizations.getOrganizationInvitationList({
    organizationId: state.org.id, status: ['revoked'],
  });
  assert.ok(listedRevoked.data.some((i) => i.id === invitation.id));
  await rejectsWith(clerk.organizations.getOrganizationInvitation({
    organizationId: state.acme.id, invitationId: invitation.id,
  }), 404);
});

check('invitations: accepting moves both metadata classes into the membership', async () => {
  const email = `joiner-${unique()}@example.com`;
  const invitation = await clerk.organizations.createOrganizationInvitation({
    organizationId: state.acme.id,
    emailAddress: email,
    role: 'org:member',
    privateMetadata: { ticket: { id: 7 } },
    publicMetadata: { title: 'Guest' },
  });
  const accepted = await workos('POST', `/user_management/invitations/${invitation.id}/accept`);
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const after = await clerk.organizations.getOrganizationInvitation({
    organizationId: state.acme.id, invitationId: invitation.id,
  });
  assert.equal(after.status, 'accepted');
  const [joiner] = (await clerk.users.getUserList({ emailAddress: [email] })).data;
  const memberships = await clerk.organizations.getOrganizationMembershipList({
    organizationId: state.acme.id, userId: joiner.id,
  });
  assert.equal(memberships.data.length, 1);
  assert.equal(memberships.data[0].role, 'org:member');
  assert.deepEqual(memberships.data[0].privateMetadata, { ticket: { id: 7 } });
  assert.deepEqual(memberships.data[0].publicMetadata, { title: 'Guest' });
});

check('one store: an organization created here is the one the WorkOS wire returns', async () => {
  const read = await workos('GET', `/organizations/${state.org.id}`);
  assert.equal(read.status, 200);
  assert.equal(read.body.id, state.org.id);
  assert.equal(read.body.name, state.org.name);
  assert.deepEqual(read.body.public_metadata, { only: 1 });
});

check('deletes: user and organization answer Clerk\'s deleted object, then 404', async () => {
  const deletedUser = await clerk.users.deleteUser(state.user.id);
  assert.equal(deletedUser.id, state.user.id);
  assert.equal(deletedUser.deleted, true);
  assert.equal(deletedUser.object, 'user');
  await rejectsWith(clerk.users.getUser(state.user.id), 404);
  const deletedOrg = await clerk.organizations.deleteOrganization(state.org.id);
  assert.equal(deletedOrg.id, state.org.id);
  assert.equal(deletedOrg.deleted, true);
  await rejectsWith(clerk.organizations.getOrganization({ slug: state.org.slug }), 404);
  const gone = await workos('GET', `/organizations/${state.org.id}`);
  assert.equal(gone.status, 404);
});

let failed = 0;
for (const { name, fn } of checks) {
  try {
    await fn();
    console.log('ok   ' + name);
  } catch (error) {
    failed++;
    console.log('FAIL ' + name);
    console.log(error && error.stack ? error.stack : error);
    if (error && error.errors) {
      console.log('  errors: ' + JSON.stringify(error.errors));
    }
  }
}
if (failed > 0) {
  console.log(`clerk interop: ${failed} of ${checks.length} checks failed`);
  process.exit(1);
}
console.log(`clerk interop: all checks passed (${checks.length})`);
