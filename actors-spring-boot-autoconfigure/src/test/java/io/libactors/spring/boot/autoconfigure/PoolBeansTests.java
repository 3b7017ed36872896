package io.libactors.spring.boot.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Pool;
import io.libactors.Routing;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorPool;
import io.libactors.spring.InvalidActorComponentException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@code @ActorPool} bean is the template of a pool that services inject by the bean's name. */
class PoolBeansTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
		.withPropertyValues("greeting=hello");

	record Greet() implements Message {
	}

	@ActorComponent("greeters")
	@ActorPool(size = 3, routing = Routing.Kind.ROUND_ROBIN)
	static class Greeter implements Actor {

		private final String greeting;

		Greeter(@Value("${greeting}") String greeting) {
			this.greeting = greeting;
		}

		@MessageHandler
		String on(Context context, Greet greet) {
			return this.greeting + " from " + context.name();
		}

	}

	/** A service that injects the pool by the bean's name. */
	static class Reception {

		final Pool<Greeter> greeters;

		Reception(@Qualifier("greeters") Pool<Greeter> greeters) {
			this.greeters = greeters;
		}

	}

	@Test
	void aPoolBeanRoutesToMembersMadeFromTheInjectedTemplate() {
		this.contextRunner.withUserConfiguration(Greeter.class, Reception.class).run((context) -> {
			Pool<Greeter> pool = context.getBean(Reception.class).greeters;
			Map<String, Integer> replies = new HashMap<>();
			for (int i = 0; i < 30; i++) {
				replies.merge(pool.ask(new Greet(), String.class).get(30, TimeUnit.SECONDS), 1, Integer::sum);
			}
			assertThat(replies).containsOnly(Map.entry("hello from greeters-1", 10),
					Map.entry("hello from greeters-2", 10), Map.entry("hello from greeters-3", 10));
		});
	}

	@ActorComponent("empty")
	@ActorPool(size = 0)
	static class EmptyPool implements Actor {

	}

	@Test
	void aPoolOfNoMembersFailsStartupNamingTheClass() {
		this.contextRunner.withUserConfiguration(EmptyPool.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidActorComponentException.class)
				.hasMessageContaining(EmptyPool.class.getName())
				.hasMessageContaining("size 0"));
	}

}
