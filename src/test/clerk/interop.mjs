// Drives Claimsmith's /clerk wire with Clerk's official Node SDK, unmodified (run by
// ClerkSdkInteropTest against a live server). Every check must pass; a failure is a wire
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
