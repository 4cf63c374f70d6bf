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

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground in a real browser: Debian's headless Chromium driven by its ChromeDriver
 * (both installed by {@code .ci/run}). No skipping: a browser that cannot start fails the
 * test. Screenshots land in {@code target/playground-*.png}.
 */
@ApiTest
class PlaygroundBrowserTest {

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static ChromeDriverService service;

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	int port;

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
		ApiClient api = new ApiClient(this.port);
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
		ApiClient api = new ApiClient(this.port);
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
