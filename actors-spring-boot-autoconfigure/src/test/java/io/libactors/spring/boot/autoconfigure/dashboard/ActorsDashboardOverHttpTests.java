package io.libactors.spring.boot.autoconfigure.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.endpoint.ActorsEndpointAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard over real HTTP, on Spring MVC and on WebFlux: off until granted and exposed;
 * the page, its scripts and the charts' library come from the application itself; the data
 * carries names and counts, never a payload.
 */
class ActorsDashboardOverHttpTests {

	/** A payload that must never reach a response. */
	static final String SECRET = "card-4111111111111111";

	private static final String[] OPEN = { "--management.endpoint.actorsdashboard.access=read-only",
			"--management.endpoints.web.exposure.include=actorsdashboard", "--actors.dashboard.sample-interval=100ms" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, ActorsEndpointAutoConfiguration.class,
				ActorsDashboardAutoConfiguration.class));

	record Pay(String card) implements Message {
	}

	record Park() implements Message {
	}

	@ActorComponent("till")
	static class Till implements Actor {

		@MessageHandler
		void on(Pay pay) {
		}

		/** Holds the actor: the mail behind it queues. */
		@MessageHandler
		CompletionStage<Void> on(Park park) {
			return new CompletableFuture<>();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Till.class)
	static class App {

	}

	enum Stack {

		MVC(WebApplicationType.SERVLET), WEBFLUX(WebApplicationType.REACTIVE);

		final WebApplicationType type;

		Stack(WebApplicationType type) {
			this.type = type;
		}

	}

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void theDashboardIsOffUntilTheApplicationGrantsAccessEvenWhenEverythingIsExposed() {
		this.contextRunner.withUserConfiguration(Till.class)
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorsDashboardEndpoint.class)
				.doesNotHaveBean(DashboardHistory.class));
		this.contextRunner.withUserConfiguration(Till.class)
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoint.actorsdashboard.access=READ_ONLY")
			.run((context) -> assertThat(context).hasSingleBean(ActorsDashboardEndpoint.class));
	}

	@Test
	void aSampleIntervalBelowAMillisecondFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(Till.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actorsdashboard",
					"management.endpoint.actorsdashboard.access=READ_ONLY", "actors.dashboard.sample-interval=0s")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("actors.dashboard.sample-interval"));
	}

	@Test
	void aNativeImageKeepsThePageItsPartsAndTheDataTypes() {
		RuntimeHints hints = new RuntimeHints();
		new DashboardRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (String part : List.of("index.html", "dashboard.js", "dashboard.css", "uplot/uPlot.iife.min.js",
				"uplot/uPlot.min.css")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/libactors/dashboard/" + part)).as(part)
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(DashboardHistory.Point.class)).accepts(hints);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void thePageAndEverythingItLoadsComeFromTheApplication(Stack stack) throws Exception {
		int port = start(stack);
		HttpResponse<String> page = get(port, "/actuator/actorsdashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<title>Actors</title>").doesNotContain("http://").doesNotContain("https://");
		for (String part : List.of("dashboard.js", "uPlot.iife.min.js")) {
			HttpResponse<String> script = get(port, "/actuator/actorsdashboard/" + part);
			assertThat(script.statusCode()).as(part).isEqualTo(200);
			assertThat(script.headers().firstValue("Content-Type")).as(part)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
			assertThat(page.body()).contains("actorsdashboard/" + part);
		}
		assertThat(get(port, "/actuator/actorsdashboard/uPlot.iife.min.js").body()).contains("uPlot");
		for (String part : List.of("dashboard.css", "uPlot.min.css")) {
			HttpResponse<String> style = get(port, "/actuator/actorsdashboard/" + part);
			assertThat(style.statusCode()).as(part).isEqualTo(200);
			assertThat(style.headers().firstValue("Content-Type")).as(part)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		}
		assertThat(get(port, "/actuator/actorsdashboard/index.html").statusCode()).isEqualTo(404);
		assertThat(get(port, "/actuator/actorsdashboard/..%2Fapplication.properties").statusCode()).isIn(400, 404);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void theDataShowsTheBusiestActorsAndTheirHistoryButNoPayload(Stack stack) throws Exception {
		int port = start(stack);
		@SuppressWarnings("unchecked")
		ActorProxy<Till> till = (ActorProxy<Till>) this.context.getBean(Core.class).find("till").orElseThrow();
		for (int i = 0; i < 100; i++) {
			till.tell(new Pay(SECRET));
		}
		till.tell(new Park());
		for (int i = 0; i < 5; i++) {
			till.tell(new Pay(SECRET));
		}
		JsonMapper json = JsonMapper.builder().build();
		await().until(() -> {
			JsonNode data = json.readTree(get(port, "/actuator/actorsdashboard/data").body());
			JsonNode history = data.get("history");
			return history.size() >= 2 && history.get(history.size() - 1).get("queued").asLong() == 5
					&& history.valueStream().mapToDouble((point) -> point.get("handledPerSecond").asDouble()).sum() > 0;
		});
		HttpResponse<String> response = get(port, "/actuator/actorsdashboard/data");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).doesNotContain(SECRET);
		JsonNode data = json.readTree(response.body());
		JsonNode first = data.get("busiest").get(0);
		assertThat(first.get("name").asString()).isEqualTo("till");
		assertThat(first.get("mailboxDepth").asInt()).isEqualTo(5);
		assertThat(first.get("processed").asLong()).isEqualTo(100);
		assertThat(data.get("total").asInt()).isEqualTo(1);
		assertThat(data.has("cluster")).isFalse();
	}

	private int start(Stack stack) {
		String[] arguments = new String[OPEN.length + 2];
		System.arraycopy(OPEN, 0, arguments, 0, OPEN.length);
		arguments[OPEN.length] = "--server.port=0";
		// the till holds a message for ever: closing waits this long for it, not the default 20s
		arguments[OPEN.length + 1] = "--actors.shutdown.timeout=1s";
		this.context = new SpringApplicationBuilder(App.class).web(stack.type).run(arguments);
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
