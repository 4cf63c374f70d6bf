// WorkOS's official Node SDK (@workos-inc/node, pinned by package-lock.json) reads Claimsmith's events
// feed: run by WorkOsNodeSdkInteropApiTest against a live service. Any failure is a wire
// incompatibility in the service, never something to work around here.
import { WorkOS, UnprocessableEntityException } from '@workos-inc/node';

const base = new URL(process.env.CLAIMSMITH_URL);
const workos = new WorkOS(process.env.CLAIMSMITH_API_KEY, {
  apiHostname: base.hostname,
  port: Number(base.port),
  https: false,
});

let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
  }
}
function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const names = ['organization.created', 'organization.updated'];
const created = await workos.organizations.createOrganization({ name: `Events ${Date.now()}` });
await workos.organizations.updateOrganization({ organization: created.id, name: `${created.name} renamed` });

await check('listEvents returns the create and the update, in order, typed', async () => {
  const list = await workos.events.listEvents({ events: names, organizationId: created.id });
  expect(list.object === 'list', `object ${list.object}`);
  expect(list.data.length === 2, `${list.data.length} events`);
  const [first, second] = list.data;
  expect(first.event === 'organization.created', `first is ${first.event}`);
  expect(second.event === 'organization.updated', `second is ${second.event}`);
  expect(first.id.startsWith('event_'), `id ${first.id}`);
  expect(first.data.id === created.id && first.data.name === created.name, `created data ${JSON.stringify(first.data)}`);
  expect(second.data.name === `${created.name} renamed`, `updated data ${JSON.stringify(second.data)}`);
  expect(!Number.isNaN(Date.parse(first.createdAt)), `createdAt ${first.createdAt}`);
});

await check('listEvents pages with limit and after', async () => {
  const page = await workos.events.listEvents({ events: names, organizationId: created.id, limit: 1 });
  expect(page.data.length === 1 && page.data[0].event === 'organization.created', 'first page');
  expect(page.listMetadata.after, 'after is set while events follow');
  const next = await workos.events.listEvents({
    events: names, organizationId: created.id, limit: 1, after: page.listMetadata.after,
  });
  expect(next.data.length === 1 && next.data[0].event === 'organization.updated', 'second page');
  const last = await workos.events.listEvents({
    events: names, organizationId: created.id, limit: 1, after: next.listMetadata.after ?? next.data[0].id,
  });
  expect(last.data.length === 0, `${last.data.length} events after the last`);
});

await check('an unknown event name is the SDK\'s UnprocessableEntityException', async () => {
  try {
    await workos.events.listEvents({ events: ['no_such.event'] });
  } catch (error) {
    expect(error instanceof UnprocessableEntityException, `${error?.constructor?.name}: ${error?.message}`);
    return;
  }
  throw new Error('no error');
});

await workos.organizations.deleteOrganization(created.id);
if (failures > 0) {
  console.log(`workos events interop: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('workos events interop: all checks passed');
