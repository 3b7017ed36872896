package io.libactors.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bank driven over real HTTP, as a newcomer would with curl. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bank.load.on-start=false", "bank.fraud.latency=2s" })
class BankOverHttpTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void openDepositWithdrawAndTransferMoveMoneyExactly() throws Exception {
		assertThat(post("/accounts", "{\"id\":\"alice\",\"initialDeposit\":10000}").statusCode()).isEqualTo(201);
		assertThat(post("/accounts", "{\"id\":\"bob\"}").statusCode()).isEqualTo(201);
		json(post("/accounts/alice/deposits", "{\"amount\":500}"), 200);
		DocumentContext afterWithdrawal = json(post("/accounts/alice/withdrawals", "{\"amount\":1500}"), 200);
		assertThat(afterWithdrawal.<Integer>read("$.balance")).isEqualTo(9000);
		DocumentContext receipt = json(post("/transfers", "{\"from\":\"alice\",\"to\":\"bob\",\"amount\":2500}"), 200);
		assertThat(receipt.<String>read("$.status")).isEqualTo("COMPLETED");
		assertThat(json(get("/accounts/alice"), 200).<Integer>read("$.balance")).isEqualTo(6500);
		assertThat(json(get("/accounts/bob"), 200).<Integer>read("$.balance")).isEqualTo(2500);
		DocumentContext audit = json(get("/audit?account=bob&limit=10"), 200);
		assertThat(audit.<List<String>>read("$.events[*].kind")).containsExactly("TRANSFER_IN");
	}

	@Test
	void badInputGetsAClearClientError() throws Exception {
		post("/accounts", "{\"id\":\"carol\",\"initialDeposit\":100}");
		assertProblem(post("/accounts/nobody/deposits", "{\"amount\":5}"), 404, "No account 'nobody'");
		assertProblem(post("/accounts/carol/deposits", "{\"amount\":-5}"), 400, "positive number of cents");
		assertProblem(post("/accounts/carol/withdrawals", "{\"amount\":101}"), 409, "insufficient funds");
		assertProblem(post("/transfers", "{\"from\":\"carol\",\"to\":\"carol\",\"amount\":1}"), 400,
				"two different accounts");
		assertProblem(post("/transfers", "{\"from\":\"carol\",\"to\":\"nobody\",\"amount\":1}"), 404,
				"No account 'nobody'");
		assertProblem(post("/accounts", "{\"id\":\"x/y\"}"), 400, "Account id must be");
		assertProblem(post("/accounts", "{\"id\":\"carol\"}"), 409, "already exists");
		assertProblem(post("/transfers", "{nonsense"), 400, "not the JSON this endpoint takes");
		assertThat(json(get("/accounts/carol"), 200).<Integer>read("$.balance")).isEqualTo(100);
	}

	@Test
	void largeTransfersWaitForTheFraudCheckHoldingTheMoney() throws Exception {
		post("/accounts", "{\"id\":\"dave\",\"initialDeposit\":5000000}");
		post("/accounts", "{\"id\":\"erin\"}");
		DocumentContext approved = json(post("/transfers", "{\"from\":\"dave\",\"to\":\"erin\",\"amount\":200000}"), 202);
		assertThat(approved.<String>read("$.status")).isEqualTo("PENDING_REVIEW");
		DocumentContext refused = json(post("/transfers", "{\"from\":\"dave\",\"to\":\"erin\",\"amount\":1000000}"), 202);
		assertThat(refused.<String>read("$.status")).isEqualTo("PENDING_REVIEW");
		DocumentContext held = json(get("/accounts/dave"), 200);
		assertThat(held.<Integer>read("$.held")).isEqualTo(1_200_000);
		// a check takes 2s, so both are still held above even on a busy machine
		await().atMost(Duration.ofSeconds(60))
			.until(() -> JsonPath.parse(get("/accounts/dave").body()).<Integer>read("$.held") == 0);
		assertThat(json(get("/accounts/dave"), 200).<Integer>read("$.balance")).isEqualTo(4_800_000);
		assertThat(json(get("/accounts/erin"), 200).<Integer>read("$.balance")).isEqualTo(200_000);
		// the holder hears of both holds and of the refusal, in order, from the notifier pool
		await().atMost(Duration.ofSeconds(60))
			.until(() -> JsonPath.parse(get("/accounts/dave/notices").body()).<List<String>>read("$.notices").size() == 3);
		List<String> notices = json(get("/accounts/dave/notices"), 200).read("$.notices");
		assertThat(notices.get(0)).contains(refused.<String>read("$.transferId"), "was refused");
		assertThat(notices.subList(1, 3)).allSatisfy((notice) -> assertThat(notice).contains("held for a fraud check"));
	}

	@Test
	void concurrentTransfersOverHttpConserveMoney() throws Exception {
		int accounts = 10;
		for (int i = 0; i < accounts; i++) {
			post("/accounts", "{\"id\":\"h" + i + "\",\"initialDeposit\":1000}");
		}
		List<CompletableFuture<HttpResponse<String>>> transfers = new ArrayList<>();
		for (int n = 0; n < 2_000; n++) {
			String body = "{\"from\":\"h" + (n % accounts) + "\",\"to\":\"h" + ((n * 7 + 3) % accounts)
					+ "\",\"amount\":" + (1 + n % 90) + "}";
			if ((n % accounts) != ((n * 7 + 3) % accounts)) {
				transfers.add(this.http.sendAsync(request("/transfers").POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString()));
			}
		}
		long ok = 0;
		for (CompletableFuture<HttpResponse<String>> transfer : transfers) {
			int status = transfer.get().statusCode();
			assertThat(status).isIn(200, 409);
			ok += (status == 200) ? 1 : 0;
		}
		assertThat(ok).isPositive();
		long total = 0;
		for (int i = 0; i < accounts; i++) {
			total += json(get("/accounts/h" + i), 200).<Integer>read("$.balance");
		}
		assertThat(total).isEqualTo(accounts * 1000L);
	}

	@Test
	void theLoadDriverProvesConservationOfMoney() throws Exception {
		DocumentContext report = json(post("/load?accounts=50&transfers=5000&concurrency=16", ""), 200);
		assertThat(report.<Integer>read("$.transfers")).isEqualTo(5000);
		assertThat(report.<Integer>read("$.completed") + report.<Integer>read("$.refused")).isEqualTo(5000);
		assertThat(report.<Integer>read("$.moneyBefore")).isEqualTo(500_000);
		assertThat(report.<Integer>read("$.moneyAfter")).isEqualTo(500_000);
		assertThat(report.<Boolean>read("$.conserved")).isTrue();
		assertProblem(post("/load?accounts=1", ""), 400, "accounts must be 2-100000");
	}

	@Test
	void aBalanceStreamsToTheBrowserAsServerSentEvents() throws Exception {
		post("/accounts", "{\"id\":\"gina\",\"initialDeposit\":100}");
		HttpResponse<java.util.stream.Stream<String>> stream = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/accounts/gina/statements"))
					.header("Accept", "text/event-stream")
					.build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		java.util.Iterator<String> lines = stream.body().filter((line) -> line.startsWith("data:")).iterator();
		assertThat(lines.next()).contains("\"balance\":100");
		post("/accounts/gina/deposits", "{\"amount\":50}");
		assertThat(lines.next()).contains("\"balance\":150");
		post("/accounts/gina/withdrawals", "{\"amount\":30}");
		assertThat(lines.next()).contains("\"balance\":120");
		stream.body().close();
		assertThat(get("/accounts/nobody/statements").statusCode()).isEqualTo(404);
	}

	@Test
	void actuatorShowsTheActorsTheirMetersAndHealth() throws Exception {
		post("/accounts", "{\"id\":\"frank\",\"initialDeposit\":10}");
		post("/accounts/frank/deposits", "{\"amount\":5}");
		DocumentContext actor = json(get("/actuator/actors/account/frank"), 200);
		assertThat(actor.<String>read("$.state")).isEqualTo("RUNNING");
		assertThat(actor.<Integer>read("$.handlers.Deposit.count")).isEqualTo(1);
		DocumentContext all = json(get("/actuator/actors?limit=1"), 200);
		assertThat(all.<Integer>read("$.actors.length()")).isEqualTo(1);
		assertThat(all.<Integer>read("$.total")).isGreaterThanOrEqualTo(3);
		assertThat(json(get("/actuator/health"), 200).<String>read("$.components.actors.status")).isEqualTo("UP");
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape).contains("actors_handler_duration_seconds_count{actor=\"account\",message=\"Deposit\"}")
			.contains("actors_mailbox_depth{actor=\"audit-log\"}")
			.doesNotContain("actor=\"account/frank\"");
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(JsonPath.parse(response.body()).<String>read("$.detail")).contains(detail);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
	}

	private static DocumentContext json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JsonPath.parse(response.body());
	}

}
