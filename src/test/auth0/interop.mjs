// Auth0's official Node SDK (auth0 7.x) driving a live Claimsmith over TLS, unmodified: the
// ManagementClient is given only a domain, a client id and a secret, as against Auth0 itself.
// Run by Auth0SdkInteropApiTest with CLAIMSMITH_DOMAIN (localhost:<port>), CLAIMSMITH_CLIENT_ID,
// CLAIMSMITH_CLIENT_SECRET (an API key) and NODE_EXTRA_CA_CERTS (the test CA). Exits non-zero
// on the first broken expectation, naming it.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ManagementClient, ManagementError } from "auth0";

const domain = process.env.CLAIMSMITH_DOMAIN;
const clientId = process.env.CLAIMSMITH_CLIENT_ID;
const clientSecret = process.env.CLAIMSMITH_CLIENT_SECRET;
const password = "correct horse battery staple";
const unique = () => randomUUID().slice(0, 8);

const management = new ManagementClient({ domain, clientId, clientSecret });

async function step(name, body) {
	try {
		await body();
		console.log(`ok   ${name}`);
	}
	catch (error) {
		console.error(`FAIL ${name}`);
		console.error(error);
		if (error?.body) {
			console.error("body:", JSON.stringify(error.body));
		}
		process.exit(1);
	}
}

async function rejects(promise, statusCode) {
	try {
		await promise;
	}
	catch (error) {
		assert.ok(error instanceof ManagementError, `a ManagementError, not ${error}`);
		assert.equal(error.statusCode, statusCode, JSON.stringify(error.body));
		return error;
	}
	assert.fail(`expected a ${statusCode}`);
}

async function all(page) {
	const items = [];
	for await (const item of page) {
		items.push(item);
	}
	return items;
}

const team = `team-${unique()}`;
let ada;
let grace;

await step("client-credentials login and users with both metadata classes", async () => {
	ada = await management.users.create({
		connection: "Username-Password-Authentication",
		email: `ada-${unique()}@example.com`,
		password,
		given_name: "Ada",
		family_name: "Lovelace",
		email_verified: true,
		app_metadata: { team, plan: "pro", limits: { seats: 5, storage: 10 } },
		user_metadata: { theme: "dark", lang: "en" },
	});
	assert.match(ada.user_id, /^user_/);
	assert.equal(ada.given_name, "Ada");
	assert.equal(ada.email_verified, true);
	assert.deepEqual(ada.app_metadata, { team, plan: "pro", limits: { seats: 5, storage: 10 } });
	assert.deepEqual(ada.user_metadata, { theme: "dark", lang: "en" });
	assert.equal(ada.identities[0].connection, "Username-Password-Authentication");

	grace = await management.users.create({
		connection: "Username-Password-Authentication",
		email: `grace-${unique()}@example.com`,
		password,
		app_metadata: { team, plan: "free" },
	});
	const fetched = await management.users.get(ada.user_id);
	assert.equal(fetched.email, ada.email);
	assert.equal(fetched.family_name, "Lovelace");
});

await step("update merges metadata at the top level only", async () => {
	const updated = await management.users.update(ada.user_id, {
		app_metadata: { limits: { seats: 7 }, plan: null },
		user_metadata: { theme: "light" },
	});
	assert.deepEqual(updated.app_metadata, { team, limits: { seats: 7 } }, "nested replaced, null deletes");
	assert.deepEqual(updated.user_metadata, { theme: "light", lang: "en" });
	const cleared = await management.users.update(grace.user_id, { user_metadata: {} });
	assert.deepEqual(cleared.user_metadata, {});
});

await step("users by email and search on app_metadata", async () => {
	const byEmail = await management.users.listUsersByEmail({ email: ada.email.toUpperCase() });
	assert.deepEqual(byEmail.map((user) => user.user_id), [ada.user_id]);

	const found = await all(await management.users.list({ q: `app_metadata.team:"${team}"`, search_engine: "v3" }));
	assert.deepEqual(found.map((user) => user.user_id).sort(), [ada.user_id, grace.user_id].sort());

	const page = await management.users.list({ q: `app_metadata.team:"${team}" AND email:"${grace.email}"`, per_page: 1 });
	assert.deepEqual(page.data.map((user) => user.user_id), [grace.user_id]);
	assert.equal(page.response.total, 1);

	const byPrefix = await all(await management.users.list({ q: `email:${ada.email.split("@")[0].toUpperCase()}*`, search_engine: "v3" }));
	assert.deepEqual(byPrefix.map((user) => user.user_id), [ada.user_id], "a trailing wildcard, case-insensitive on email");
	const teamPrefix = await all(await management.users.list({ q: `app_metadata.team:${team.slice(0, -1)}* AND app_metadata.plan:free` }));
	assert.deepEqual(teamPrefix.map((user) => user.user_id), [grace.user_id]);

	await management.users.update(grace.user_id, { app_metadata: { seats: 3, beta: true } });
	const numeric = await all(await management.users.list({ q: `app_metadata.team:"${team}" AND app_metadata.seats:3 AND app_metadata.beta:true` }));
	assert.deepEqual(numeric.map((user) => user.user_id), [grace.user_id], "numbers and booleans stored as JSON");

	const unsupported = await rejects(management.users.list({ q: `email:*${ada.email.slice(3)}` }), 400);
	assert.equal(unsupported.body.statusCode, 400);
	assert.equal(unsupported.body.errorCode, "invalid_query_string");
});

let organization;

await step("organizations with metadata and members", async () => {
	const name = `acme-${unique()}`;
	organization = await management.organizations.create({ name, display_name: name, metadata: { tier: "gold", region: "eu" } });
	assert.match(organization.id, /^org_/);
	assert.deepEqual(organization.metadata, { tier: "gold", region: "eu" });
	assert.equal((await management.organizations.getByName(name)).id, organization.id);
	const updated = await management.organizations.update(organization.id, { metadata: { region: null, seats: "10" } });
	assert.deepEqual(updated.metadata, { tier: "gold", seats: "10" });
	assert.equal((await management.organizations.get(organization.id)).metadata.seats, "10");

	const listed = await all(await management.organizations.list({ take: 100 }));
	assert.ok(listed.some((item) => item.id === organization.id));

	await management.organizations.members.create(organization.id, { members: [ada.user_id, grace.user_id] });
	const members = await all(await management.organizations.members.list(organization.id, { take: 1 }));
	assert.deepEqual(members.map((member) => member.user_id).sort(), [ada.user_id, grace.user_id].sort());
	await management.organizations.members.delete(organization.id, { members: [grace.user_id] });
	const left = await all(await management.organizations.members.list(organization.id));
	assert.deepEqual(left.map((member) => member.user_id), [ada.user_id]);
});

await step("a user changes their own user_metadata with their token, and nothing else", async () => {
	const response = await fetch(`https://${domain}/user_management/authenticate`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ grant_type: "password", client_id: clientId, client_secret: clientSecret, email: ada.email, password }),
	});
	assert.equal(response.status, 200);
	const signedIn = await response.json();
	assert.equal(signedIn.user.app_metadata, undefined);
	assert.equal(signedIn.user.public_metadata, undefined);

	const asAda = new ManagementClient({ domain, token: signedIn.access_token });
	const own = await asAda.users.update(ada.user_id, { user_metadata: { theme: "solarized" } });
	assert.deepEqual(own.user_metadata, { theme: "solarized", lang: "en" });

	await rejects(asAda.users.update(ada.user_id, { app_metadata: { plan: "enterprise" } }), 403);
	await rejects(asAda.users.update(ada.user_id, { given_name: "Countess" }), 403);
	await rejects(asAda.users.update(grace.user_id, { user_metadata: { theme: "mine" } }), 403);
	await rejects(asAda.users.get(ada.user_id), 401);

	const stored = await management.users.get(ada.user_id);
	assert.deepEqual(stored.app_metadata, { team, limits: { seats: 7 } });
	assert.equal(stored.given_name, "Ada");
	assert.deepEqual((await management.users.get(grace.user_id)).user_metadata, {});
});

await step("the SDK's errors on 404 and bad input", async () => {
	const missing = await rejects(management.users.get("user_01HXXXXXXXXXXXXXXXXXXXXXXX"), 404);
	assert.equal(missing.constructor.name, "NotFoundError");
	assert.equal(missing.body.errorCode, "inexistent_user");
	await rejects(management.organizations.get("org_01HXXXXXXXXXXXXXXXXXXXXXXX"), 404);
	const bad = await rejects(management.users.create({ connection: "Username-Password-Authentication", email: "not-an-email" }), 400);
	assert.equal(bad.body.statusCode, 400);
	const conflict = await rejects(management.users.create({ connection: "Username-Password-Authentication", email: ada.email }), 409);
	assert.equal(conflict.body.errorCode, "user_exists");
	const noEndpoint = await rejects(management.roles.list(), 404);
	assert.equal(noEndpoint.body.statusCode, 404, "Auth0's envelope for a path no endpoint serves");
	assert.equal(noEndpoint.body.errorCode, "not_found");
});

await step("deletes", async () => {
	await management.organizations.delete(organization.id);
	await rejects(management.organizations.get(organization.id), 404);
	await management.users.delete(ada.user_id);
	await management.users.delete(grace.user_id);
	await rejects(management.users.get(ada.user_id), 404);
});

console.log("auth0 SDK interop: all steps passed");
