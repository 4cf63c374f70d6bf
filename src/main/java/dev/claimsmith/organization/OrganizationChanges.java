package dev.claimsmith.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

/**
 * A create or update request for an organization, validated. On update every field is
 * optional and an absent field stays as it is.
 *
 * @param metadata the metadata classes the request sends
 */
record OrganizationChanges(PatchValue<String> name, PatchValue<List<Organization.DomainData>> domains,
		PatchValue<String> externalId, MetadataChanges metadata) {

	static final int MAX_NAME_LENGTH = 255;

	static final int MAX_DOMAINS = 100;

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

	static OrganizationChanges forCreate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String name = reader.requiredName("name", 1, MAX_NAME_LENGTH);
		if (name != null && name.isBlank()) {
			reader.fail("name", "required", "name cannot be blank.");
		}
		return read(reader, PatchValue.of(name));
	}

	static OrganizationChanges forUpdate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		PatchValue<String> name = reader.patchName("name", 1, MAX_NAME_LENGTH);
		if (name.present() && (name.value() == null || name.value().isBlank())) {
			reader.fail("name", "required", "name cannot be null or blank.");
		}
		return read(reader, name);
	}

	private static OrganizationChanges read(JsonObjectReader reader, PatchValue<String> name) {
		PatchValue<String> externalId = reader.patchAsciiString("external_id", 1, 64);
		PatchValue<List<Organization.DomainData>> domains = readDomains(reader);
		reader.validate();
		MetadataChanges metadata = MetadataChanges.fromRequest(reader, Organization.METADATA_CLASSES);
		return new OrganizationChanges(name, domains, externalId, metadata);
	}

	private static PatchValue<List<Organization.DomainData>> readDomains(JsonObjectReader reader) {
		JsonNode node = reader.node("domain_data");
		if (node == null) {
			return PatchValue.absent();
		}
		if (!node.isArray()) {
			reader.fail("domain_data", "invalid_type", "domain_data must be an array.");
			return PatchValue.absent();
		}
		if (node.size() > MAX_DOMAINS) {
			reader.fail("domain_data", "too_many", "domain_data can list at most " + MAX_DOMAINS + " domains.");
			return PatchValue.absent();
		}
		Map<String, Organization.DomainData> domains = new LinkedHashMap<>();
		for (int i = 0; i < node.size(); i++) {
			String field = "domain_data[" + i + "]";
			JsonNode item = node.get(i);
			JsonNode domain = item.get("domain");
			JsonNode state = item.get("state");
			if (!item.isObject() || domain == null || !domain.isString()) {
				reader.fail(field + ".domain", "required", field + ".domain must be a string.");
				continue;
			}
			String name = domain.stringValue().trim().toLowerCase(Locale.ROOT);
			if (!DOMAIN.matcher(name).matches()) {
				reader.fail(field + ".domain", "invalid_domain", "'" + abbreviate(name) + "' is not a valid domain.");
				continue;
			}
			String stateValue = (state == null || state.isNull()) ? "pending" : state.asString("");
			if (!stateValue.equals("verified") && !stateValue.equals("pending")) {
				reader.fail(field + ".state", "invalid_state", field + ".state must be verified or pending.");
				continue;
			}
			domains.put(name, new Organization.DomainData(name, stateValue));
		}
		return PatchValue.of(new ArrayList<>(domains.values()));
	}

	private static String abbreviate(String text) {
		return (text.length() > 64) ? text.substring(0, 64) + "…" : text;
	}

}
