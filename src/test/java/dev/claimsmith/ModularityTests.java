package dev.claimsmith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module that may use only the modules its
 * {@code package-info.java} allows: no cycles, no reaching into another module's
 * internals. Writes the modules' diagrams to {@code docs/modules}.
 */
class ModularityTests {

	private static final Path DIAGRAMS = Path.of("docs/modules");

	private static final ApplicationModules modules = ApplicationModules.of(ClaimsmithApplication.class);

	@Test
	void everyTopLevelPackageIsAModule() {
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"auth", "auth0", "clerk", "events", "invitation", "keys", "membership", "metadata", "organization",
				"selfservice", "store", "template", "token", "user", "web");
	}

	@Test
	void modulesUseOnlyTheModulesTheyAllow() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramsToDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		try (Stream<Path> diagrams = Files.list(DIAGRAMS)) {
			for (Path diagram : diagrams.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				sortRelations(diagram);
			}
		}
	}

	/**
	 * The Documenter lists relations in hash order; sorted, a diagram changes only when a
	 * dependency does.
	 */
	private static void sortRelations(Path diagram) throws IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
		List<Integer> positions = new ArrayList<>();
		List<String> relations = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("Rel(")) {
				positions.add(i);
				relations.add(lines.get(i));
			}
		}
		relations.sort(null);
		for (int i = 0; i < positions.size(); i++) {
			lines.set(positions.get(i), relations.get(i));
		}
		Files.write(diagram, lines);
	}

}
