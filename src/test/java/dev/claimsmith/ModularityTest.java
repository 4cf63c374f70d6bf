package dev.claimsmith;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module: no cycles between modules, and no module reaches
 * into another's internals (sub-packages or non-public types).
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(ClaimsmithApplication.class);

	@Test
	void everyFeaturePackageIsAModule() {
		for (String name : new String[] { "auth", "metadata", "organization", "store", "web" }) {
			assertThat(this.modules.getModuleByName(name)).as(name).isPresent();
		}
	}

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicFaces() {
		this.modules.verify();
	}

}
