package dev.claimsmith.clerk;

import java.time.Duration;
import java.util.List;

import dev.claimsmith.keys.KeysProperties;
import dev.claimsmith.keys.SigningKeys;
import dev.claimsmith.template.ClaimsTemplates;
import dev.claimsmith.template.StoredTemplate;
import dev.claimsmith.template.TemplateDialect;
import dev.claimsmith.template.TemplateException;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerk's JWT templates ({@code /clerk/v1/jwt_templates}): templates in Clerk's dialect,
 * stored next to the file templates with their names, validation and preview
 * ({@link ClaimsTemplates}); a session's token for one is minted by
 * {@link ClerkSessionTokenController}.
 */
@RestController
@RequestMapping(path = "/clerk/v1/jwt_templates", produces = MediaType.APPLICATION_JSON_VALUE)
class ClerkJwtTemplateController {

	private final ClaimsTemplates templates;

	private final SigningKeys signingKeys;

	private final Duration maxLifetime;

	ClerkJwtTemplateController(ClaimsTemplates templates, SigningKeys signingKeys, KeysProperties keys) {
		this.templates = templates;
		this.signingKeys = signingKeys;
		this.maxLifetime = keys.maxTokenLifetime();
	}

	/** Clerk's dialect only: file templates and other dialects are not Clerk's. */
	@GetMapping
	ClerkList<ClerkJwtTemplate> list() {
		List<ClerkJwtTemplate> data = this.templates.storedTemplates()
			.stream()
			.filter((template) -> template.dialect() == TemplateDialect.CLERK)
			.map(this::response)
			.toList();
		return new ClerkList<>(data, data.size());
	}

	@GetMapping("/{id}")
	ClerkJwtTemplate get(@PathVariable String id) {
		return response(find(id));
	}

	@PostMapping
	ClerkJwtTemplate create(@RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		String name = body.requiredString("name", 64);
		JsonNode claims = claims(body, true);
		Duration lifetime = lifetime(body);
		Duration skew = seconds(body, "allowed_clock_skew");
		refuseCustomSigningKey(body);
		try {
			return response(
					this.templates.createStored(name, TemplateDialect.CLERK, claims.toString(), lifetime, skew));
		}
		catch (TemplateException ex) {
			throw ClerkTemplateErrors.of(ex);
		}
	}

	/**
	 * Clerk's update sends the whole template; what this body leaves out keeps its stored
	 * value.
	 */
	@PatchMapping("/{id}")
	ClerkJwtTemplate update(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		StoredTemplate current = find(id);
		ClerkBody body = ClerkBody.of(json);
		PatchValue<String> sentName = body.string("name", 64);
		if (sentName.present() && sentName.value() == null) {
			throw ClerkException.invalidParam("name", "name cannot be null.");
		}
		String name = sentName.present() ? sentName.value() : current.name();
		JsonNode claims = claims(body, false);
		Duration lifetime = body.has("lifetime") ? lifetime(body) : current.lifetime();
		Duration skew = body.has("allowed_clock_skew") ? seconds(body, "allowed_clock_skew")
				: current.allowedClockSkew();
		refuseCustomSigningKey(body);
		try {
			return this.templates
				.updateStored(id, name, (claims != null) ? claims.toString() : current.content(), lifetime, skew)
				.map(this::response)
				.orElseThrow(() -> ClerkException.notFound("jwt template"));
		}
		catch (TemplateException ex) {
			throw ClerkTemplateErrors.of(ex);
		}
	}

	@DeleteMapping("/{id}")
	ClerkDeleted delete(@PathVariable String id) {
		find(id);
		if (!this.templates.deleteStored(id)) {
			throw ClerkException.notFound("jwt template");
		}
		return ClerkDeleted.of("jwt_template", id);
	}

	private StoredTemplate find(String id) {
		return this.templates.storedTemplate(id)
			.filter((template) -> template.dialect() == TemplateDialect.CLERK)
			.orElseThrow(() -> ClerkException.notFound("jwt template"));
	}

	private ClerkJwtTemplate response(StoredTemplate template) {
		return ClerkJwtTemplate.of(template, this.signingKeys.active().algorithm().getName());
	}

	private static JsonNode claims(ClerkBody body, boolean required) {
		JsonNode claims = body.node("claims");
		if (claims == null || claims.isNull()) {
			if (required) {
				throw ClerkException.missingParam("claims");
			}
			return null;
		}
		if (!claims.isObject()) {
			throw ClerkException.invalidParam("claims", "claims must be a JSON object.");
		}
		return claims;
	}

	/**
	 * Clerk's lifetime, and no longer than a retired key stays published
	 * ({@code claimsmith.keys.max-token-lifetime}), or verifiers would reject a valid
	 * token after a rotation.
	 */
	private Duration lifetime(ClerkBody body) {
		Duration lifetime = seconds(body, "lifetime");
		if (lifetime != null && lifetime.compareTo(this.maxLifetime) > 0) {
			throw ClerkException.invalidParam("lifetime", "lifetime must be at most " + this.maxLifetime.toSeconds()
					+ " seconds here (claimsmith.keys.max-token-lifetime).");
		}
		return lifetime;
	}

	private static Duration seconds(ClerkBody body, String field) {
		Long seconds = body.nonNegativeInteger(field);
		return (seconds != null) ? Duration.ofSeconds(seconds) : null;
	}

	private static void refuseCustomSigningKey(ClerkBody body) {
		if (Boolean.TRUE.equals(body.bool("custom_signing_key"))) {
			throw ClerkException.invalidParam("custom_signing_key",
					"Claimsmith signs every token with its own keys (see /clerk/v1/jwks); custom signing keys are not supported.");
		}
	}

}
