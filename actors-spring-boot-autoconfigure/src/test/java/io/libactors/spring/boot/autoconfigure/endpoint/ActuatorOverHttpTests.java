package io.libactors.spring.boot.autoconfigure.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The endpoint, the meters and the health contributor, read over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=actors,health,metrics",
				"management.endpoint.health.show-details=always", "actors.stuck-threshold=300ms" })
class ActuatorOverHttpTests {

	record Ping(int n) implements Message {
	}

	record Hold() implements Message {
	}

	static volatile CountDownLatch release = new CountDownLatch(0);

	@ActorComponent("pinger")
	static class Pinger implements Actor {

		@MessageHandler
		int onPing(Ping ping) {
			return ping.n();
		}

		@MessageHandler
		void onHold(Hold hold) throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
		}

	}

	@ActorComponent("session")
	@Scope("prototype")
	static class Session implements Actor {

		@MessageHandler
		int onPing(Ping ping) {
			return ping.n();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Pinger.class, Session.class })
	static class App {

	}

	@LocalServerPort
	int port;

	@Autowired
	ActorProxy<Pinger> pinger;

	@Autowired
	Core core;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void actorsEndpointListsTheBusiestWithTotalsAndOneActorByName() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.core.createActor(Session.class, "session-" + i).ask(new Ping(i), Integer.class).get(5,
					TimeUnit.SECONDS);
		}
		this.pinger.ask(new Ping(1), Integer.class).get(30, TimeUnit.SECONDS);
		DocumentContext all = json(get("/actuator/actors?limit=5"), 200);
		assertThat(all.<Integer>read("$.total")).isEqualTo(this.core.actorCount()).isGreaterThanOrEqualTo(21);
		assertThat(all.<Integer>read("$.actors.length()")).isEqualTo(5);
		assertThat(all.<Integer>read("$.deadLetters")).isZero();
		DocumentContext one = json(get("/actuator/actors/pinger"), 200);
		assertThat(one.<String>read("$.name")).isEqualTo("pinger");
		assertThat(one.<String>read("$.type")).isEqualTo(Pinger.class.getName());
		assertThat(one.<String>read("$.state")).isEqualTo("RUNNING");
		assertThat(one.<Integer>read("$.mailboxDepth")).isZero();
		assertThat(one.<Integer>read("$.processed")).isPositive();
		assertThat(one.<Integer>read("$.handlers.Ping.count")).isPositive();
		assertThat(one.<Double>read("$.handlers.Ping.max")).isGreaterThanOrEqualTo(0.0);
		assertThat(get("/actuator/actors/nobody").statusCode()).isEqualTo(404);
		assertThat(json(get("/actuator/actors"), 200).<Integer>read("$.actors.length()"))
			.isEqualTo(Math.min(ActorsEndpoint.DEFAULT_LIMIT, this.core.actorCount()));
	}

	@Test
	void metersTagTemplateActorsByTheirTemplate() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.core.createActor(Session.class, "meter-session-" + i).ask(new Ping(i), Integer.class).get(5,
					TimeUnit.SECONDS);
		}
		DocumentContext timer = json(get("/actuator/metrics/actors.handler.duration?tag=actor:session"), 200);
		assertThat(timer.<java.util.List<Double>>read("$.measurements[?(@.statistic=='COUNT')].value"))
			.singleElement()
			.satisfies((count) -> assertThat(count).isGreaterThanOrEqualTo(30.0));
		DocumentContext tags = json(get("/actuator/metrics/actors.mailbox.depth"), 200);
		assertThat(tags.<java.util.List<String>>read("$.availableTags[?(@.tag=='actor')].values[*]"))
			.containsExactlyInAnyOrder("pinger", "session");
	}

	@Test
	void healthTurnsDownNamingAStuckActorAndUpAgain() throws Exception {
		assertThat(json(get("/actuator/health/actors"), 200).<String>read("$.status")).isEqualTo("UP");
		release = new CountDownLatch(1);
		try {
			this.pinger.tell(new Hold());
			await().until(() -> get("/actuator/health/actors").statusCode() == 503);
			DocumentContext down = json(get("/actuator/health/actors"), 503);
			assertThat(down.<String>read("$.status")).isEqualTo("DOWN");
			assertThat(down.<String>read("$.details.stuck.pinger")).startsWith("handling one message for");
		}
		finally {
			release.countDown();
		}
		await().until(() -> get("/actuator/health/actors").statusCode() == 200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static DocumentContext json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JsonPath.parse(response.body());
	}

}
