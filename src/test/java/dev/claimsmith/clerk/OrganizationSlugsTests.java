package dev.claimsmith.clerk;

import dev.claimsmith.organization.OrganizationSlugs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slugs made from names: the rule both new organizations and the V11 backfill use. */
class OrganizationSlugsTests {

	@Test
	void namesBecomeLowerCaseDashedAsciiWithinSixtyFour() {
		assertThat(OrganizationSlugs.fromName("Acme, Inc.")).isEqualTo("acme-inc");
		assertThat(OrganizationSlugs.fromName("  Zoë's Café  ")).isEqualTo("zoe-s-cafe");
		assertThat(OrganizationSlugs.fromName("東京")).isEqualTo("org");
		assertThat(OrganizationSlugs.fromName("a".repeat(70) + " b")).hasSize(64).matches("a{64}");
		assertThat(OrganizationSlugs.fromName("x".repeat(63) + " yz")).isEqualTo("x".repeat(63));
	}

	@Test
	void suffixesKeepTheSlugWithinSixtyFour() {
		assertThat(OrganizationSlugs.withSuffix("acme", "2")).isEqualTo("acme-2");
		assertThat(OrganizationSlugs.withSuffix("a".repeat(64), "abc123")).hasSize(64).endsWith("-abc123");
		assertThat(OrganizationSlugs.isValid(OrganizationSlugs.withSuffix("a".repeat(64), "abc123"))).isTrue();
		assertThat(OrganizationSlugs.isValid("Not A Slug")).isFalse();
		assertThat(OrganizationSlugs.isValid("a".repeat(65))).isFalse();
	}

}
