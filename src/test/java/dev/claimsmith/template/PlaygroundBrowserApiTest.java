package dev.claimsmith.template;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground in a real browser: Debian's headless Chromium driven by its ChromeDriver
 * (both installed by {@code .ci/run}). No skipping: a browser that cannot start fails the
 * test. Screenshots land in {@code target/playground-*.png}.
 */
@ApiTest
class PlaygroundBrowserApiTest {

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static ChromeDriverService service;

	private static WebDriver browser;

	private static Path profile;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("claimsmith-chromium");
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1440,1100", "--user-data-dir=" + profile);
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void previewAgainstStoredUserThenClaimsShownAndErrorsPointAtTheirClaim() throws IOException {
		ApiClient api = this.api;
		String email = "play-" + unique() + "@example.com";
		String userId = api
			.post("/user_management/users",
					Map.of("email", email, "first_name", "Grace", "last_name", "Hopper", "external_id",
							"gh-" + unique()))
			.field("id");
		String orgId = api
			.post("/organizations", Map.of("name", "Compilers Inc", "metadata", Map.of("seats", "25", "plan", "pro")))
			.field("id");
		api.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId));

		this.browser().get(api.baseUrl() + "/playground");
		type(By.id("api-key"), ApiClient.API_KEY);
		click(By.id("connect"));
		waitForText(By.id("connection"), "connected");
		assertThat(value(By.id("template-select"))).isEqualTo("default");
		assertThat(value(By.id("editor"))).contains("organization.metadata.seats");

		type(By.id("user-query"), email);
		click(By.id("user-find"));
		click(By.cssSelector("#user-results button.user-result"));
		wait(15).until((driver) -> orgId.equals(value(By.id("org-select"))));
		click(By.id("preview"));

		waitForText(By.id("status"), "rendered");
		String claims = text(By.id("claims"));
		assertThat(claims).contains("\"name\": \"Grace Hopper\"")
			.contains("\"email\": \"" + email + "\"")
			.contains("\"seats\": 25")
			.contains("\"plan\": \"pro\"");
		assertThat(text(By.id("size-text"))).matches("\\d+ bytes of claims");
		click(By.cssSelector("[data-view=token]"));
		wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-header")));
		assertThat(text(By.id("token-header"))).contains("\"alg\": \"RS256\"").contains("\"kid\"");
		assertThat(text(By.id("token-payload"))).contains("\"sub\": \"" + userId + "\"").contains("\"seats\": 25");
		screenshot("rendered");

		replaceTemplate("{\n\"name\": \"{{ user.first_name }}\",\n\"email\": {{ user.email }},\n"
				+ "\"seats\": {{ organisation.metadata.seats | number }}\n}");
		click(By.id("preview"));

		waitForText(By.id("status"), "1 error");
		List<WebElement> errors = this.browser().findElements(By.cssSelector("#errors li.error"));
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).getAttribute("data-pointer")).isEqualTo("/seats");
		assertThat(errors.get(0).getText()).contains("organisation.metadata.seats");
		assertThat(errors.get(0).getAttribute("data-line")).isEqualTo("4");
		assertThat(errorLines()).containsExactly("4");
		assertThat(text(By.id("claims"))).isEmpty();
		screenshot("error");

		replaceTemplate("{\n\"name\": \"{{ user.first_name }}\",\n\"sub\": {{ user.id }}\n}");
		click(By.id("preview"));

		wait(15).until((driver) -> "/sub"
			.equals(driver.findElement(By.cssSelector("#errors li.error")).getAttribute("data-pointer")));
		assertThat(errorLines()).containsExactly("3");

		click(By.id("copy"));
		waitForText(By.id("toast"), "copied");
	}

	@Test
	void inlineContextPreviewSaysThePayloadIsUnsigned() {
		ApiClient api = this.api;
		this.browser().get(api.baseUrl() + "/playground");
		type(By.id("api-key"), ApiClient.API_KEY);
		click(By.id("connect"));
		waitForText(By.id("connection"), "connected");
		click(By.id("mode-inline"));
		click(By.id("preview"));

		waitForText(By.id("status"), "rendered");
		assertThat(text(By.id("claims"))).contains("\"name\": \"Ada Lovelace\"");
		click(By.cssSelector("[data-view=token]"));
		assertThat(text(By.id("token-note"))).contains("unsigned");
		assertThat(text(By.id("token-payload"))).contains("\"sub\": \"user_01EXAMPLE\"");
		assertThat(this.browser().findElement(By.id("token-header")).isDisplayed()).isFalse();
	}

	@Test
	void storedMembershipWithEveryClassThenShownEditedInlineAndPreviewedWithAPreviewKey() throws IOException {
		ApiClient api = this.api;
		String run = unique();
		String previewKey = api.post("/api_keys", Map.of("name", "playground " + run, "scopes", List.of("preview")))
			.field("key");
		String email = "classes-" + run + "@example.com";
		String userId = api.post("/user_management/users", Map.of("email", email, "first_name", "Ada")).field("id");
		String orgId = api.post("/organizations", Map.of("name", "Engines " + run)).field("id");
		String membershipId = api
			.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId))
			.field("id");
		// The management API for these classes is another branch's; SQL stands in for it.
		this.jdbc.update("UPDATE app_user SET public_metadata = ?, unsafe_metadata = ? WHERE id = ?",
				"{\"plan\":{\"seats\":7}}", "{\"theme\":\"dark\"}", userId);
		this.jdbc.update("UPDATE organization SET public_metadata = ? WHERE id = ?", "{\"region\":\"eu-west\"}", orgId);
		this.jdbc.update(
				"UPDATE organization_membership SET external_id = ?, metadata = ?, public_metadata = ?,"
						+ " custom_attributes = ? WHERE id = ?",
				"emp-" + run, "{\"desk\":\"4B\"}", "{\"title\":\"Lead\"}", "{\"department\":\"Research\"}",
				membershipId);

		this.browser().get(api.baseUrl() + "/playground");
		type(By.id("api-key"), previewKey);
		click(By.id("connect"));
		waitForText(By.id("connection"), "connected");

		// The hints are the schema's paths, every one of them.
		List<String> paths = ClaimsContextSchema.get()
			.objects()
			.stream()
			.flatMap((object) -> object.fields().stream().map((field) -> object.name() + "." + field.name()))
			.toList();
		wait(15).until(
				(driver) -> driver.findElements(By.cssSelector("#context-hints li[data-path]")).size() == paths.size());
		assertThat(this.browser().findElements(By.cssSelector("#context-hints li[data-path]")))
			.extracting((item) -> item.getAttribute("data-path"))
			.containsExactlyElementsOf(paths);
		this.browser().findElement(By.id("editor")).clear();
		click(By.cssSelector("#context-hints li[data-path='organization_membership.custom_attributes'] button"));
		assertThat(value(By.id("editor"))).isEqualTo("{{ organization_membership.custom_attributes }}");

		type(By.id("user-query"), email);
		click(By.id("user-find"));
		click(By.cssSelector("#user-results button.user-result"));
		wait(15).until((driver) -> orgId.equals(value(By.id("org-select"))));
		waitForText(By.id("chosen-membership"), membershipId);
		assertThat(text(By.id("chosen-membership"))).contains("role member").contains("active");

		replaceTemplate("{\n\"dept\": {{ organization_membership.custom_attributes.department }},\n"
				+ "\"title\": {{ organization_membership.public_metadata.title }},\n"
				+ "\"desk\": {{ organization_membership.metadata.desk }},\n"
				+ "\"member_id\": {{ organization_membership.external_id }},\n"
				+ "\"seats\": {{ user.public_metadata.plan.seats }},\n"
				+ "\"theme\": {{ user.unsafe_metadata.theme }},\n"
				+ "\"region\": {{ organization.public_metadata.region }}\n}");
		click(By.id("preview"));

		waitForText(By.id("status"), "rendered");
		assertThat(text(By.id("claims"))).contains("\"dept\": \"Research\"")
			.contains("\"title\": \"Lead\"")
			.contains("\"desk\": \"4B\"")
			.contains("\"member_id\": \"emp-" + run + "\"")
			.contains("\"seats\": 7")
			.contains("\"theme\": \"dark\"")
			.contains("\"region\": \"eu-west\"");
		click(By.cssSelector("[data-view=context]"));
		assertThat(text(By.id("context-view"))).contains("\"custom_attributes\": {")
			.contains("\"unsafe_metadata\": {")
			.contains("\"external_id\": \"emp-" + run + "\"");
		screenshot("membership");

		click(By.id("edit-inline"));
		wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("context")));
		String inline = value(By.id("context"));
		assertThat(inline).contains("\"department\": \"Research\"")
			.contains("\"public_metadata\": {")
			.contains("\"id\": \"" + membershipId + "\"");
		WebElement context = this.browser().findElement(By.id("context"));
		context.clear();
		context.sendKeys(inline.replace("\"Research\"", "\"Edited in the browser\"").replace("\"eu-west\"", "\"us\""));
		click(By.id("preview"));
		click(By.cssSelector("[data-view=claims]"));

		wait(15).until((driver) -> text(By.id("claims")).contains("Edited in the browser"));
		assertThat(text(By.id("claims"))).contains("\"region\": \"us\"").contains("\"seats\": 7");
		click(By.cssSelector("[data-view=token]"));
		assertThat(text(By.id("token-note"))).contains("unsigned");
		screenshot("inline-membership");
	}

	@Test
	void inlineContextAddMissingFieldsThenEverySchemaFieldIsThere() {
		ApiClient api = this.api;
		this.browser().get(api.baseUrl() + "/playground");
		wait(15).until((driver) -> !driver.findElements(By.cssSelector("#context-hints li[data-path]")).isEmpty());
		click(By.id("mode-inline"));
		WebElement context = this.browser().findElement(By.id("context"));
		context.clear();
		context.sendKeys("{\"user\": {\"id\": \"user_1\"}}");
		click(By.id("inline-skeleton"));

		String filled = value(By.id("context"));
		for (ClaimsContextSchema.ContextObject object : ClaimsContextSchema.get().objects()) {
			assertThat(filled).contains("\"" + object.name() + "\": {");
			for (ClaimsContextSchema.ContextField field : object.fields()) {
				assertThat(filled).contains("\"" + field.name() + "\":");
			}
		}
		assertThat(filled).contains("\"id\": \"user_1\"").contains("\"custom_attributes\": {}");
	}

	private WebDriver browser() {
		return browser;
	}

	private void replaceTemplate(String text) {
		WebElement editor = this.browser().findElement(By.id("editor"));
		editor.clear();
		editor.sendKeys(text);
		assertThat(value(By.id("editor"))).isEqualTo(text);
	}

	private List<String> errorLines() {
		return this.browser()
			.findElements(By.cssSelector("#gutter .line-number.error"))
			.stream()
			.map((number) -> number.getAttribute("data-line"))
			.toList();
	}

	private void type(By locator, String text) {
		WebElement element = wait(15).until(ExpectedConditions.visibilityOfElementLocated(locator));
		element.clear();
		element.sendKeys(text);
	}

	private void click(By locator) {
		wait(15).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String text(By locator) {
		return this.browser().findElement(locator).getText();
	}

	private String value(By locator) {
		return String.valueOf(((JavascriptExecutor) this.browser()).executeScript("return arguments[0].value",
				this.browser().findElement(locator)));
	}

	private void waitForText(By locator, String text) {
		wait(15).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	private WebDriverWait wait(int seconds) {
		// The page rebuilds its lists on every preview: an element found a moment ago may
		// be gone.
		return (WebDriverWait) new WebDriverWait(this.browser(), Duration.ofSeconds(seconds))
			.ignoring(StaleElementReferenceException.class);
	}

	private void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) this.browser()).getScreenshotAs(OutputType.BYTES);
		Files.write(Path.of("target", "playground-" + name + ".png"), png);
	}

}
