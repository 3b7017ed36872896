package io.libactors.spring.boot.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.MailboxFullException;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, on Spring MVC and on WebFlux: actor exceptions a controller lets through become
 * problem details (503 with Retry-After, 504) naming actor and message type only; an application
 * that maps one itself keeps its answer.
 */
class ActorProblemsOverHttpTests {

	/** A payload that must never reach a response. */
	static final String SECRET = "card-4111111111111111";

	record Hold(String payload) implements Message {
	}

	/** Holds its first message for ever; its mailbox takes one more. */
	@ActorComponent("teller")
	static class Teller implements Actor {

		@MessageHandler
		CompletionStage<String> on(Hold hold) {
			return new CompletableFuture<>();
		}

	}

	@RestController
	static class TellerController {

		private final ActorProxy<Teller> teller;

		TellerController(ActorProxy<Teller> teller) {
			this.teller = teller;
		}

		/** Tells until the bounded mailbox refuses. */
		@GetMapping("/full")
		String full() {
			for (int i = 0; i < 3; i++) {
				this.teller.tell(new Hold(SECRET));
			}
			return "never";
		}

		@GetMapping("/slow")
		CompletableFuture<String> slow() {
			return this.teller.ask(new Hold(SECRET), String.class, Duration.ofMillis(200));
		}

		@GetMapping("/stopped")
		CompletableFuture<String> stopped() {
			this.teller.stop().join();
			return this.teller.ask(new Hold(SECRET), String.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Teller.class, TellerController.class })
	static class App {

	}

	@RestControllerAdvice
	static class OwnMapping {

		@ExceptionHandler
		@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
		String onFull(MailboxFullException ex) {
			return "slow down";
		}

	}

	enum Stack {

		MVC(WebApplicationType.SERVLET), WEBFLUX(WebApplicationType.REACTIVE);

		final WebApplicationType type;

		Stack(WebApplicationType type) {
			this.type = type;
		}

	}

	/** The teller holds its message for ever: closing waits this long for it, not the default 20s. */
	private static final String HELD_AT_CLOSE = "--actors.shutdown.timeout=1s";

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private int start(Stack stack, Class<?>... more) {
		this.context = new SpringApplicationBuilder(App.class).sources(more)
			.web(stack.type)
			.run("--server.port=0", "--actors.mailbox.capacity=1", "--actors.web.retry-after=3s", HELD_AT_CLOSE);
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aFullMailboxIsA503WithRetryAfter(Stack stack) throws Exception {
		HttpResponse<String> response = get(start(stack), "/full");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503", "'teller'", "Hold", "\"instance\":\"/full\"")
			.doesNotContain(SECRET);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anAskThatTimesOutIsA504(Stack stack) throws Exception {
		HttpResponse<String> response = get(start(stack), "/slow");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(response.body()).contains("\"status\":504", "'teller'", "Hold").doesNotContain(SECRET);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anAskOfAStoppedActorIsA503(Stack stack) throws Exception {
		HttpResponse<String> response = get(start(stack), "/stopped");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("'teller'", "Hold").doesNotContain(SECRET);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void theApplicationsOwnMappingComesFirst(Stack stack) throws Exception {
		HttpResponse<String> response = get(start(stack, OwnMapping.class), "/full");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.body()).isEqualTo("slow down");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void problemDetailsCanBeSwitchedOff(Stack stack) throws Exception {
		this.context = new SpringApplicationBuilder(App.class).web(stack.type)
			.run("--server.port=0", "--actors.mailbox.capacity=1", "--actors.web.problem-details=false", HELD_AT_CLOSE);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		assertThat(get(port, "/full").statusCode()).isEqualTo(500);
	}

}
