package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A singleton actor supervised with {@code RESTART}: each instance after the first is made from
 * the bean's own definition and destroyed through it when replaced or stopped; the singleton
 * itself stays the context's until it closes. Each instance is destroyed once.
 */
class RestartedSingletonActorTests {

	static final List<Phoenix> made = new CopyOnWriteArrayList<>();

	static final List<Phoenix> destroyed = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
		.withPropertyValues("phoenix.greeting=risen");

	record Greet() implements Message {
	}

	record Burn() implements Message {
	}

	@ActorComponent(value = "phoenix", supervision = Supervision.RESTART)
	static class Phoenix implements Actor {

		private final String greeting;

		Phoenix(@Value("${phoenix.greeting}") String greeting) {
			this.greeting = greeting;
			made.add(this);
		}

		@MessageHandler
		String onGreet(Greet greet) {
			return this.greeting + " " + made.indexOf(this);
		}

		@MessageHandler
		void onBurn(Burn burn) {
			throw new IllegalStateException("burnt");
		}

		@PreDestroy
		void destroy() {
			destroyed.add(this);
		}

	}

	@BeforeEach
	void forgetEarlierRuns() {
		made.clear();
		destroyed.clear();
	}

	@Test
	void eachRestartMakesTheBeanFromItsDefinitionAndDestroysTheCopyItReplaces() {
		this.contextRunner.withUserConfiguration(Phoenix.class).run((context) -> {
			@SuppressWarnings("unchecked")
			ActorProxy<Phoenix> phoenix = (ActorProxy<Phoenix>) context
				.getBeanProvider(ResolvableType.forClassWithGenerics(ActorProxy.class, Phoenix.class))
				.getObject();
			assertThat(phoenix.ask(new Greet(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("risen 0");
			phoenix.tell(new Burn());
			assertThat(phoenix.ask(new Greet(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("risen 1");
			phoenix.tell(new Burn());
			assertThat(phoenix.ask(new Greet(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("risen 2");
			assertThat(destroyed).containsExactly(made.get(1));
		});
		assertThat(made).hasSize(3);
		assertThat(destroyed).containsExactlyInAnyOrderElementsOf(made);
	}

	@Test
	void theConfiguredBackoffHoldsEachRestart() {
		this.contextRunner.withUserConfiguration(Phoenix.class)
			.withPropertyValues("actors.supervision.backoff.min=2s", "actors.supervision.backoff.max=2s",
					"actors.supervision.backoff.random-factor=0")
			.run((context) -> {
				@SuppressWarnings("unchecked")
				ActorProxy<Phoenix> phoenix = (ActorProxy<Phoenix>) context
					.getBeanProvider(ResolvableType.forClassWithGenerics(ActorProxy.class, Phoenix.class))
					.getObject();
				long start = System.nanoTime();
				phoenix.tell(new Burn());
				assertThat(phoenix.ask(new Greet(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("risen 1");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void aBackoffWhoseMinExceedsItsMaxFailsStartupNamingTheProperty() {
		this.contextRunner.withUserConfiguration(Phoenix.class)
			.withPropertyValues("actors.supervision.backoff.min=5s", "actors.supervision.backoff.max=1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("actors.supervision.backoff")
				.hasMessageContaining("min <= max"));
	}

}
