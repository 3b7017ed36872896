package io.libactors.spring.boot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorLifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application while requests that ask actors are in flight: the web server drains
 * them first, and the actors, which stop in a later phase, still answer every one.
 */
class GracefulCloseOverHttpTests {

	record Slow() implements Message {
	}

	static final CountDownLatch arrived = new CountDownLatch(20);

	static final AtomicInteger handled = new AtomicInteger();

	@ActorComponent("clerk")
	static class Clerk implements Actor {

		@MessageHandler
		String onSlow(Slow slow) throws InterruptedException {
			Thread.sleep(25);
			return "done " + handled.incrementAndGet();
		}

	}

	@RestController
	static class ClerkController {

		private final ActorProxy<Clerk> clerk;

		ClerkController(ActorProxy<Clerk> clerk) {
			this.clerk = clerk;
		}

		/** Asks twice: the second ask is sent while the application is already closing. */
		@GetMapping("/slow")
		String slow() throws Exception {
			arrived.countDown();
			this.clerk.ask(new Slow(), String.class).get(10, TimeUnit.SECONDS);
			return this.clerk.ask(new Slow(), String.class).get(10, TimeUnit.SECONDS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Clerk.class, ClerkController.class })
	static class App {

	}

	@Test
	void theActorPhaseLiesBetweenTheWebServersDrainAndTheExecutors() {
		assertThat(ActorLifecycle.PHASE).isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
			.isGreaterThan(ExecutorConfigurationSupport.DEFAULT_PHASE);
	}

	@Test
	void twentyRequestsInFlightDuringCloseAllGetTheirAnswer() throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(App.class, "--server.port=0",
				"--server.shutdown=graceful");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow")).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
		context.close();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		assertThat(handled.get()).isEqualTo(40);
	}

}
