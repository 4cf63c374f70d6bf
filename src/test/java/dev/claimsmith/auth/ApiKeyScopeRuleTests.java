package dev.claimsmith.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope a request needs ({@link ApiKeyFilter#requiredScope}): any path a container
 * might read differently from its plain string needs {@code admin}, whatever the case of
 * its escapes.
 */
class ApiKeyScopeRuleTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/access_tokens//", "/access_tokens/.", "/x/../access_tokens", "/access_tokens%2E",
			"/access_tokens%2e", "/x%2Faccess_tokens", "/x%2faccess_tokens", "/x%5Caccess_tokens", "/x\\access_tokens",
			"/access_tokens;jsessionid=1", "/JWT_TEMPLATES/%2E%2E/preview" })
	void ambiguousPathNeedsAdmin(String path) {
		assertThat(ApiKeyFilter.isAmbiguous(path)).isTrue();
		assertThat(ApiKeyFilter.requiredScope("POST", path)).isEqualTo(ApiKeyScope.ADMIN);
	}

	@Test
	void plainPathsNeedTheirOwnScope() {
		assertThat(ApiKeyFilter.isAmbiguous("/access_tokens")).isFalse();
		assertThat(ApiKeyFilter.requiredScope("POST", "/access_tokens")).isEqualTo(ApiKeyScope.MINT);
		assertThat(ApiKeyFilter.requiredScope("post", "/oauth2/introspect")).isEqualTo(ApiKeyScope.MINT);
		assertThat(ApiKeyFilter.requiredScope("POST", "/jwt_templates/preview")).isEqualTo(ApiKeyScope.PREVIEW);
		assertThat(ApiKeyFilter.requiredScope("GET", "/organizations/org_1")).isEqualTo(ApiKeyScope.PREVIEW);
		assertThat(ApiKeyFilter.requiredScope("DELETE", "/organizations/org_1")).isEqualTo(ApiKeyScope.ADMIN);
		assertThat(ApiKeyFilter.requiredScope("POST", "/api_keys")).isEqualTo(ApiKeyScope.ADMIN);
		assertThat(ApiKeyFilter.requiredScope("GET", "/keys.json")).isEqualTo(ApiKeyScope.ADMIN);
	}

}
