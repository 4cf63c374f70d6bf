package dev.claimsmith.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.keys.IssuerProperties;
import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.template.ReservedClaims;
import dev.claimsmith.template.TemplateDialect;
import dev.claimsmith.user.UserId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Assembles a token payload like a recipe: the reserved claims first, then the template's
 * claims, which may never replace one of them.
 */
@Component
class TokenPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IssuerProperties issuer;

	TokenPayloads(IssuerProperties issuer) {
		this.issuer = issuer;
	}

	/**
	 * The full payload; {@code subject} parts and the fingerprint may be null in a
	 * preview from inline data.
	 */
	Map<String, Object> payload(UserId subjectId, OrganizationId organizationId, String role, List<String> permissions,
			String sessionId, Instant issuedAt, Instant expiresAt, String jti, String claimsFingerprint,
			Map<String, Object> templateClaims) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", this.issuer.issuer());
		if (subjectId != null) {
			payload.put("sub", subjectId.value());
		}
		payload.put("exp", expiresAt.getEpochSecond());
		payload.put("iat", issuedAt.getEpochSecond());
		payload.put("jti", jti);
		putIfPresent(payload, "sid", sessionId);
		if (organizationId != null) {
			payload.put("org_id", organizationId.value());
			putIfPresent(payload, "role", role);
			if (role != null) {
				payload.put("roles", List.of(role));
			}
			payload.put("permissions", (permissions != null) ? permissions : List.of());
		}
		payload.put("client_id", this.issuer.clientId());
		putIfPresent(payload, ClaimsFingerprints.CLAIM, claimsFingerprint);
		templateClaims.forEach((name, value) -> {
			if (ReservedClaims.NAMES.contains(name) || payload.containsKey(name)) {
				// Templates are validated against this at load time; this is the last
				// line.
				throw new IllegalStateException("Template claim '" + name + "' would override a reserved claim");
			}
			payload.put(name, value);
		});
		return payload;
	}

	/**
	 * The payload of a token from a template in Clerk's dialect: Clerk's default claims
	 * ({@code iss sub exp iat nbf jti}, and {@code sid} for a session's token; Clerk
	 * leaves {@code azp} out without an Origin, and so does this), Claimsmith's
	 * {@code claims_fp} (introspection's {@code claims_stale} compares it; the
	 * organization is the session's), then the template's claims, which may set
	 * {@code org_id} or {@code role} as Clerk templates do.
	 */
	Map<String, Object> clerkPayload(UserId subjectId, String sessionId, Instant issuedAt, Instant notBefore,
			Instant expiresAt, String jti, String claimsFingerprint, Map<String, Object> templateClaims) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", this.issuer.issuer());
		if (subjectId != null) {
			payload.put("sub", subjectId.value());
		}
		payload.put("exp", expiresAt.getEpochSecond());
		payload.put("iat", issuedAt.getEpochSecond());
		payload.put("nbf", notBefore.getEpochSecond());
		payload.put("jti", jti);
		putIfPresent(payload, "sid", sessionId);
		putIfPresent(payload, ClaimsFingerprints.CLAIM, claimsFingerprint);
		templateClaims.forEach((name, value) -> {
			if (TemplateDialect.CLERK.reservedClaims().contains(name) || payload.containsKey(name)) {
				throw new IllegalStateException("Template claim '" + name + "' would override a default claim");
			}
			payload.put(name, value);
		});
		return payload;
	}

	/**
	 * The payload as compact UTF-8 JSON, the one serialization per token. Jackson's
	 * output is what {@code template/JsonSize} measures a template's claims against.
	 */
	byte[] toJson(Map<String, Object> payload) {
		return JSON.writeValueAsBytes(payload);
	}

	private static void putIfPresent(Map<String, Object> payload, String name, Object value) {
		if (value != null) {
			payload.put(name, value);
		}
	}

}
