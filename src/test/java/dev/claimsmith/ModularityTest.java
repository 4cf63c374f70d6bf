package dev.claimsmith;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module that may use only the modules its
 * {@code package-info.java} allows: no cycles, no reaching into another module's
 * internals. Writes the modules' diagrams to {@code docs/modules}.
 */
class ModularityTest {

	private static final ApplicationModules modules = ApplicationModules.of(ClaimsmithApplication.class);

	@Test
	void everyTopLevelPackageIsAModule() {
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"auth", "keys", "membership", "metadata", "organization", "store", "template", "token", "user", "web");
	}

	@Test
	void modulesUseOnlyTheModulesTheyAllow() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramsToDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
