package io.libactors.spring.boot.autoconfigure.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.libactors.Actor;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The actors endpoint shows nothing unless the application exposes it, and never accepts writes. */
class ActorsEndpointExposureTests {

	record Hello() implements Message {
	}

	@ActorComponent("greeter")
	static class Greeter implements Actor {

		@MessageHandler
		void onHello(Hello hello) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Greeter.class)
	static class App {

	}

	@Test
	void withDefaultsTheEndpointIsNotReachable() throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(App.class, "--server.port=0")) {
			assertThat(get(context, "/actuator/actors").statusCode()).isEqualTo(404);
			assertThat(get(context, "/actuator/actors/greeter").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void exposedItAnswersReadsOnly() throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(App.class, "--server.port=0",
				"--management.endpoints.web.exposure.include=actors")) {
			assertThat(get(context, "/actuator/actors/greeter").statusCode()).isEqualTo(200);
			HttpResponse<String> write = send(HttpRequest.newBuilder(uri(context, "/actuator/actors/greeter"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.header("Content-Type", "application/json")
				.build());
			assertThat(write.statusCode()).isEqualTo(405);
			HttpResponse<String> delete = send(
					HttpRequest.newBuilder(uri(context, "/actuator/actors/greeter")).DELETE().build());
			assertThat(delete.statusCode()).isEqualTo(405);
		}
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(context, path)).build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

}
