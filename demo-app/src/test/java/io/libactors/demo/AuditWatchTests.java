package io.libactors.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.demo.account.AuditEvent;
import io.libactors.demo.audit.AuditLog.AuditPage;
import io.libactors.demo.audit.AuditLog.GetAudit;
import io.libactors.demo.audit.DeadLetterWatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log watches the actor that returns undeliverable money, and records it if it stops;
 * asking the stopped actor over HTTP is a 503 problem detail from the starter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bank.load.on-start=false", "bank.statement-interval=1h" })
class AuditWatchTests {

	@LocalServerPort
	int port;

	@Autowired
	private Core core;

	@Autowired
	private ActorProxy<DeadLetterWatcher> deadLetterWatcher;

	@Test
	void theAuditRecordsThatTheDeadLetterWatcherStopped() throws Exception {
		this.deadLetterWatcher.stop().get(30, TimeUnit.SECONDS);
		ActorProxy<?> audit = this.core.find("audit-log").orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> audit.ask(new GetAudit("", 10), AuditPage.class).get(30, TimeUnit.SECONDS).events().size() == 1);
		AuditEvent stopped = audit.ask(new GetAudit("", 10), AuditPage.class).get(30, TimeUnit.SECONDS).events().get(0);
		assertThat(stopped.kind()).isEqualTo("COMPONENT_STOPPED");
		assertThat(stopped.reference()).isEqualTo(DeadLetterWatcher.NAME);
		HttpResponse<String> deadLetters = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/dead-letters")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(deadLetters.statusCode()).isEqualTo(503);
		assertThat(deadLetters.headers().firstValue("Retry-After")).isPresent();
		assertThat(deadLetters.body()).contains("'" + DeadLetterWatcher.NAME + "'", "GetDeadLetters");
	}

}
