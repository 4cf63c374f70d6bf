package dev.claimsmith.token;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.nimbusds.jwt.SignedJWT;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.Fixtures;
import dev.claimsmith.Fixtures.Member;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mint holds at most one pooled connection at a time, from a fresh instance's first
 * token on: with only one connection of the pool left, its first mints succeed. (The
 * claims fingerprint's key was once read lazily inside the subject query's callback,
 * which holds a connection: a first burst of mints then took every connection and waited
 * for one more, answering 503s for the pool's whole connection timeout.)
 */
@ApiTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=1000" })
class OneConnectionMintApiTest {

	@Autowired
	ApiClient api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Test
	void mintWhenOneConnectionIsLeftThenTheFirstTokensAreMinted() throws Exception {
		Member member = this.fixtures.member().ofNewOrganization().newUser(this.fixtures.user()).create();

		try (Connection taken = this.dataSource.getConnection()) {
			mintEach(member);
		}
	}

	private void mintEach(Member member) throws Exception {
		for (Map<String, Object> body : List.of(Map.<String, Object>of("user_id", member.userId()),
				Map.<String, Object>of("user_id", member.userId(), "organization_id", member.organizationId()))) {
			Response minted = this.api.post("/access_tokens", body);

			assertThat(minted.status()).as(minted.text()).isEqualTo(200);
			SignedJWT token = SignedJWT.parse(minted.field("access_token"));
			assertThat(token.getJWTClaimsSet().getStringClaim(ClaimsFingerprints.CLAIM)).isNotBlank();
		}
	}

}
