package io.libactors.demo;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live dashboard in a real headless browser (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): the page loads, shows the demo's
 * actors, updates while the load driver runs, and logs no error to its console. Leaves a
 * screenshot at {@code target/dashboard.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bank.load.on-start=false", "actors.dashboard.sample-interval=500ms" })
class DashboardInBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private Path profile;

	@BeforeEach
	void openBrowser() throws IOException {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("The dashboard test drives Debian's Chromium: apt-get install chromium chromium-driver "
					+ "(.ci/run installs them when missing)")
			.isTrue();
		this.profile = Files.createTempDirectory("dashboard-browser");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// no sandbox as root; no background traffic to hosts this machine cannot reach
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1100", "--user-data-dir=" + this.profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void theDashboardShowsTheDemosActorsAndUpdatesWhileTheLoadRuns() throws Exception {
		this.browser.get("http://localhost:" + this.port + "/actuator/actorsdashboard");
		assertThat(this.browser.getTitle()).isEqualTo("Actors");
		await().atMost(Duration.ofMinutes(1)).until(() -> updates() >= 1);
		assertThat(column("busiest", 1)).contains("audit-log", "dead-letter-watcher", "notice-writer");
		assertThat(this.browser.findElement(By.id("status")).getText()).startsWith("updated");

		CompletableFuture<HttpResponse<String>> load = HttpClient.newHttpClient()
			.sendAsync(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/load?accounts=50&transfers=20000&concurrency=8"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		int before = updates();
		// the accounts handle mail, so they climb into the busiest mailboxes with their handled counts
		await().atMost(Duration.ofMinutes(2)).until(() -> updates() > before && handledByAccounts() > 0);
		assertThat(load.get().statusCode()).isEqualTo(200);
		assertThat(Integer.parseInt(this.browser.findElement(By.id("total")).getText().replace(",", "")))
			.isGreaterThan(50);
		screenshot();

		List<LogEntry> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(errors).as("console errors").isEmpty();
	}

	private int updates() {
		String updates = this.browser.findElement(By.tagName("body")).getDomAttribute("data-updates");
		return (updates != null) ? Integer.parseInt(updates) : 0;
	}

	/** The sum of the Handled column over the accounts among the busiest mailboxes. */
	private long handledByAccounts() {
		return this.browser.findElements(By.cssSelector("#busiest tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.tagName("td")))
			.filter((cells) -> cells.size() == 6 && cells.get(0).getText().startsWith("account/"))
			.mapToLong((cells) -> Long.parseLong(cells.get(4).getText().replace(",", "")))
			.sum();
	}

	/** The texts of one column of a table's body, counted from 1. */
	private List<String> column(String table, int column) {
		return this.browser.findElements(By.cssSelector("#" + table + " tbody tr td:nth-child(" + column + ")"))
			.stream()
			.map((cell) -> cell.getText())
			.toList();
	}

	private void screenshot() throws IOException {
		File shot = this.browser.getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "dashboard.png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
