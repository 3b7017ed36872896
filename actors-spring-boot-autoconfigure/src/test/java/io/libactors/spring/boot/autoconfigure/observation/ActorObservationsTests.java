package io.libactors.spring.boot.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.MessageTracer;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.observation.ActorsObservationAutoConfiguration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ActorObservationsTests {

	record Order() implements Message {
	}

	record Ship() implements Message {
	}

	@ActorComponent("orders")
	static class Orders implements Actor {

		@MessageHandler
		String onOrder(Context context, Order order) throws Exception {
			return context.proxy("shipping").ask(new Ship(), String.class).get(30, TimeUnit.SECONDS);
		}

	}

	@ActorComponent("shipping")
	static class Shipping implements Actor {

		@MessageHandler
		String onShip(Ship ship) {
			return "shipped";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ActorsObservationAutoConfiguration.class, ActorsAutoConfiguration.class))
		.withUserConfiguration(Registry.class, Orders.class, Shipping.class);

	@Test
	void aTraceStartedOutsideFlowsThroughAskFromActorToActor() {
		this.runner.withPropertyValues("actors.observations.enabled=true").run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			List<String> started = new CopyOnWriteArrayList<>();
			registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

				@Override
				public void onStart(Observation.Context started1) {
					ObservationView parent = started1.getParentObservation();
					started.add(name(started1) + " <- "
							+ ((parent != null) ? name(parent.getContextView()) : "nothing"));
				}

				@Override
				public boolean supportsContext(Observation.Context candidate) {
					return true;
				}

			});
			Core core = context.getBean(Core.class);
			Observation request = Observation.start("http.server.requests", registry);
			try (Observation.Scope scope = request.openScope()) {
				core.find("orders").orElseThrow().ask(new Order(), String.class).get(30, TimeUnit.SECONDS);
			}
			request.stop();
			assertThat(started).containsExactly("http.server.requests <- nothing",
					"orders Order <- http.server.requests", "shipping Ship <- orders Order");
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(ActorObservations.NAME, 2)
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("orders Order")
					.hasLowCardinalityKeyValue("actor", "orders")
					.hasLowCardinalityKeyValue("message", "Order"))
				// Once stopped, a handling lets go of its parent: a long conversation between
				// actors does not keep its whole chain of observations alive.
				.forAllObservationsWithNameEqualTo(ActorObservations.NAME,
						(observation) -> observation.doesNotHaveParentObservation());
		});
	}

	private static String name(Observation.ContextView context) {
		return (context.getContextualName() != null) ? context.getContextualName() : context.getName();
	}

	@Test
	void observationsAreOffUnlessAskedForOrTracingIsPresent() {
		this.runner.run((context) -> org.assertj.core.api.Assertions.assertThat(context)
			.hasSingleBean(ObservationRegistry.class)
			.doesNotHaveBean(MessageTracer.class));
	}

}
