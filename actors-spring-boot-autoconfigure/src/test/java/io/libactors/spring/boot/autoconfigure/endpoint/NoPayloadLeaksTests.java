package io.libactors.spring.boot.autoconfigure.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A marker sent inside messages and exception messages never comes out of the endpoint,
 * health, metrics, the framework's dead-letter accounting or INFO logs: they report names,
 * types and counts only.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=actors,health,metrics,prometheus",
				"management.endpoint.health.show-details=always" })
class NoPayloadLeaksTests {

	static final String MARKER = "MARKER-" + UUID.randomUUID();

	record Secret(String value, boolean fail) implements Message {
	}

	record Unheard(String value) implements Message {
	}

	record Delegate(String value) implements Message {
	}

	@ActorComponent("vault")
	static class Vault implements Actor {

		@MessageHandler
		String onSecret(Secret secret) {
			if (secret.fail()) {
				throw new IllegalStateException("refused " + secret.value());
			}
			return "kept";
		}

		@MessageHandler
		void onDelegate(Context context, Delegate delegate) {
			String value = delegate.value();
			context.actlet(() -> {
				throw new IllegalArgumentException("actlet saw " + value);
			});
		}

	}

	@ActorComponent(value = "safe", supervision = Supervision.STOP)
	static class Safe implements Actor {

		@MessageHandler
		void onSecret(Secret secret) {
			throw new IllegalStateException("sealed " + secret.value());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Vault.class, Safe.class })
	static class App {

	}

	@LocalServerPort
	int port;

	@Autowired
	ActorProxy<Vault> vault;

	@Autowired
	ActorProxy<Safe> safe;

	@Autowired
	Core core;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSecretInMessagesAndExceptionsNeverLeavesThroughMonitoring(CapturedOutput output) throws Exception {
		assertThat(this.vault.ask(new Secret(MARKER, false), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("kept");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.vault.ask(new Secret(MARKER, true), String.class).get(30, TimeUnit.SECONDS))
			.withMessageContaining(MARKER);
		this.vault.tell(new Unheard(MARKER));
		this.core.publish(new Unheard(MARKER));
		this.vault.tell(new Delegate(MARKER));
		this.safe.tell(new Secret(MARKER, true));
		await().until(() -> !this.safe.isAlive());
		this.safe.tell(new Secret(MARKER, false));
		await().until(() -> this.core.deadLetterCount(DeadLetter.STOPPED) == 1
				&& output.getOut().contains("Actlet"));

		List<String> exposed = List.of(body("/actuator/actors", 200), body("/actuator/actors/vault", 200),
				body("/actuator/health", 503), body("/actuator/prometheus", 200),
				body("/actuator/metrics/actors.handler.failures", 200),
				body("/actuator/metrics/actors.dead.letters", 200));
		assertThat(exposed).noneMatch((text) -> text.contains(MARKER));
		assertThat(exposed.get(2)).contains("safe");
		assertThat(exposed.get(3)).contains("actors_handler_failures_total").contains("NO_HANDLER").contains("STOPPED");
		assertThat(output.getAll()).doesNotContain(MARKER)
			.contains("Actor 'vault' failed handling Secret: java.lang.IllegalStateException")
			.contains("Actor 'safe' failed handling Secret: java.lang.IllegalStateException");
		assertThat(this.core.deadLetterCount(DeadLetter.NO_HANDLER)).isEqualTo(1);
	}

	private String body(String path, int status) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.timeout(Duration.ofSeconds(10))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		return response.body();
	}

}
