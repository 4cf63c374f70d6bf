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
