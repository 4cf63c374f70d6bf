package dev.claimsmith.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Start-up validation, reloading and atomic replacement, on a temporary folder. */
class ClaimsTemplatesLoadingTests {

	@TempDir
	Path dir;

	@Test
	void startWhenTemplateInvalidThenFailsNamingFilePointerAndReason() throws IOException {
		write("default", "{\"name\": \"{{ user.first_name }}\"}");
		write("broken", "{\"org\": [\"x\", \"{{ usr.email }}\"]}");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this::templates)
			.withMessageContaining(this.dir.resolve("broken.json").toString())
			.withMessageContaining("/org/1")
			.withMessageContaining("Invalid path: \"usr.email\"");
	}

	@Test
	void startWhenFileNameInvalidThenFails() throws IOException {
		write("Not Valid", "{\"a\": 1}");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this::templates)
			.withMessageContaining("Not Valid.json");
	}

	@Test
	void startWhenFolderMissingThenNoTemplates() {
		ClaimsTemplates templates = TestContexts.loaded(TemplateProperties.defaults(this.dir.resolve("nope")));
		assertThat(templates.names()).isEmpty();
		assertThat(templates.find("default")).isEmpty();
	}

	@Test
	void startThenShippedTemplatesAreValid() {
		ClaimsTemplates templates = TestContexts.loaded(TemplateProperties.defaults(Path.of("templates")));
		assertThat(templates.names()).contains("default", "hasura");
		Map<String, Object> claims = templates.find("default").orElseThrow().render(TestContexts.jane()).claims();
		assertThat(claims).containsEntry("name", "Jane Doe").containsEntry("plan", "free");
		Map<String, Object> hasura = templates.find("hasura").orElseThrow().render(TestContexts.jane()).claims();
		assertThat(hasura).containsKey("https://hasura.io/jwt/claims");
	}

	@Test
	void reloadWhenFileEditedThenNewVersionIsLive() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = templates();
		write("default", "{\"v\": 2}");
		templates.reload();
		assertThat(render(templates, "default")).containsEntry("v", 2L);
	}

	@Test
	void reloadWhenFileAddedOrRemovedThenRegistryFollows() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = templates();
		write("extra", "{\"e\": true}");
		templates.reload();
		assertThat(templates.names()).containsExactly("default", "extra");
		Files.delete(this.dir.resolve("extra.json"));
		templates.reload();
		assertThat(templates.names()).containsExactly("default");
	}

	@Test
	void reloadWhenEditIsInvalidThenLastGoodVersionStaysLiveAndErrorsAreReported() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = templates();
		write("default", "{\"v\": {{ usr.x }}}");
		templates.reload();
		assertThat(render(templates, "default")).containsEntry("v", 1L);
		TemplateFile file = templates.file("default").orElseThrow();
		assertThat(file.valid()).isFalse();
		assertThat(file.errors()).containsExactly(new TemplateError("/v", "Invalid path: \"usr.x\""));
		write("default", "{\"v\": 3}");
		templates.reload();
		assertThat(render(templates, "default")).containsEntry("v", 3L);
		assertThat(templates.file("default").orElseThrow().valid()).isTrue();
	}

	@Test
	void pollingWhenFileEditedThenPickedUpWithoutRestart() throws Exception {
		write("default", "{\"v\": 1}");
		TemplateProperties properties = TemplateProperties.defaults(this.dir).withReloadInterval(Duration.ofMillis(50));
		ClaimsTemplates templates = TestContexts.loaded(properties);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		registrar.setTaskScheduler(scheduler);
		new TemplatesReloader(templates, properties).configureTasks(registrar);
		registrar.afterPropertiesSet();
		try {
			write("default", "{\"v\": 2}");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!render(templates, "default").get("v").equals(2L) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(render(templates, "default")).containsEntry("v", 2L);
		}
		finally {
			registrar.destroy();
			scheduler.shutdown();
		}
	}

	@Test
	void pollingWhenIntervalZeroThenNothingScheduled() {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		TemplateProperties properties = TemplateProperties.defaults(this.dir).withReloadInterval(Duration.ZERO);
		new TemplatesReloader(new ClaimsTemplates(properties), properties).configureTasks(registrar);
		assertThat(registrar.hasTasks()).isFalse();
	}

	@Test
	void replaceWhenValidThenFileRewrittenAndLive() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = templates();
		templates.replace("default", "{\"v\": 2}");
		assertThat(Files.readString(this.dir.resolve("default.json"))).isEqualTo("{\"v\": 2}");
		assertThat(render(templates, "default")).containsEntry("v", 2L);
		try (var files = Files.list(this.dir)) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void replaceWhenInvalidThenNothingWritten() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = templates();
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> templates.replace("default", "{\"sub\": 1}"));
		assertThat(Files.readString(this.dir.resolve("default.json"))).isEqualTo("{\"v\": 1}");
		assertThat(render(templates, "default")).containsEntry("v", 1L);
	}

	private ClaimsTemplates templates() {
		return TestContexts.loaded(TemplateProperties.defaults(this.dir));
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.dir.resolve(name + ".json"), content);
	}

	private static Map<String, Object> render(ClaimsTemplates templates, String name) {
		return templates.find(name).orElseThrow().render(TestContexts.jane()).claims();
	}

}
