package io.libactors.spring.actuate;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.MessageTracer;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.ActorsObservationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.awaitility.Awaitility.await;

class ActorObservationsTests {

	record Order() implements Message {
	}

	record Ship() implements Message {
	}

	@ActorComponent("orders")
	static class Orders implements Actor {

		@MessageHandler
		String onOrder(Context context, Order order) throws Exception {
			return context.proxy("shipping").ask(new Ship(), String.class).get(5, TimeUnit.SECONDS);
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
			Core core = context.getBean(Core.class);
			Observation request = Observation.start("http.server.requests", registry);
			try (Observation.Scope scope = request.openScope()) {
				core.find("orders").orElseThrow().ask(new Order(), String.class).get(5, TimeUnit.SECONDS);
			}
			request.stop();
			await().until(() -> registry.getCurrentObservation() == null);
			Predicate<Observation.ContextView> fromOrders = (parent) -> "orders Order".equals(parent.getContextualName());
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(ActorObservations.NAME, 2)
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("orders Order")
					.hasLowCardinalityKeyValue("actor", "orders")
					.hasLowCardinalityKeyValue("message", "Order")
					.hasParentObservationEqualTo(request))
				.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("shipping Ship")
					.hasParentObservationContextMatching(fromOrders));
		});
	}

	@Test
	void observationsAreOffUnlessAskedForOrTracingIsPresent() {
		this.runner.run((context) -> org.assertj.core.api.Assertions.assertThat(context)
			.hasSingleBean(ObservationRegistry.class)
			.doesNotHaveBean(MessageTracer.class));
	}

}
