package dev.claimsmith.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WorkOS's {@code PUT /user_management/jwt_template}, against a temporary copy of the
 * templates so the repository's {@code templates/default.json} is never rewritten.
 */
@ApiTest
class TemplatePutTests {

	static final Path DIR = copyOfTemplates();

	@Autowired
	ClaimsTemplates templates;

	@Autowired
	ApiClient api;

	@DynamicPropertySource
	static void templatesDir(DynamicPropertyRegistry registry) {
		registry.add("claimsmith.templates.dir", DIR::toString);
	}

	@BeforeEach
	void client() {
	}

	@Test
	void putWhenValidThenFileRewrittenAndTemplateLive() throws IOException {
		String content = "{\"greeting\": \"Hello {{ user.first_name }}\"}";
		ApiClient.Response response = this.api.put("/user_management/jwt_template", Map.of("content", content));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("object")).isEqualTo("jwt_template");
		assertThat(response.field("content")).isEqualTo(content);
		assertThat(Files.readString(DIR.resolve("default.json"))).isEqualTo(content);
		assertThat(this.templates.find("default").orElseThrow().render(TestContexts.jane()).claims())
			.containsExactly(Map.entry("greeting", "Hello Jane"));
		assertThat(this.api.get("/user_management/jwt_template").field("content")).isEqualTo(content);
	}

	@Test
	void putWhenContentMissingThen422InvalidRequest() {
		ApiClient.Response response = this.api.put("/user_management/jwt_template", Map.of("text", "{}"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.field("code")).isEqualTo("invalid_request_parameters");
	}

	@Test
	void putWhenSectionsNestedTooDeeplyThen422AndNothingChanges() throws IOException {
		String before = Files.readString(DIR.resolve("default.json"));
		for (int attempt = 0; attempt < 5; attempt++) {
			ApiClient.Response response = this.api.put("/user_management/jwt_template",
					Map.of("content", TemplateHardeningTests.nested(2000)));
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.field("code")).isEqualTo("invalid_template");
		}
		assertThat(Files.readString(DIR.resolve("default.json"))).isEqualTo(before);
		assertThat(this.templates.find("default").orElseThrow().render(TestContexts.jane()).claims()).isNotEmpty();
	}

	private static Path copyOfTemplates() {
		try {
			Path dir = Files.createTempDirectory("claimsmith-templates");
			try (var files = Files.list(Path.of("templates"))) {
				for (Path file : files.toList()) {
					Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
