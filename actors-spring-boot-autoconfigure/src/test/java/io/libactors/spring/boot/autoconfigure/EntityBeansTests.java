package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.EntityStateStore;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.StatefulActor;
import io.libactors.spring.ActorComponent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Entities in Spring: a prototype {@code @ActorComponent} is their template, each activation a
 * fully injected bean destroyed when it passivates; {@code actors.entities.passivate-after} and
 * an {@link EntityStateStore} bean configure them.
 */
class EntityBeansTests {

	static final List<Wallet> destroyed = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
		.withPropertyValues("wallet.currency=EUR");

	record Add(long amount) implements Message {
	}

	record Show() implements Message {
	}

	@ActorComponent("wallet")
	@Scope("prototype")
	static class Wallet implements StatefulActor<Long> {

		private final String currency;

		private long amount;

		Wallet(@Value("${wallet.currency}") String currency) {
			this.currency = currency;
		}

		@Override
		public void restore(Long state) {
			this.amount = state;
		}

		@MessageHandler
		void on(Add add) {
			this.amount += add.amount();
		}

		@MessageHandler
		String on(Show show) {
			return this.amount + " " + this.currency;
		}

		@Override
		public Long state() {
			return this.amount;
		}

		@PreDestroy
		void destroy() {
			destroyed.add(this);
		}

	}

	/** A store the application declares: the core keeps entities' states in it. */
	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		RecordingStore recordingStore() {
			return new RecordingStore();
		}

	}

	static class RecordingStore implements EntityStateStore {

		final Map<String, Object> saved = new ConcurrentHashMap<>();

		@Override
		public @Nullable Object load(String template, String id, Class<?> stateType) {
			return this.saved.get(template + "/" + id);
		}

		@Override
		public void save(String template, String id, Object state) {
			this.saved.put(template + "/" + id, state);
		}

	}

	@BeforeEach
	void forgetEarlierRuns() {
		destroyed.clear();
	}

	@Test
	void aPrototypeActorComponentIsAnEntityTemplateWhoseBeansPassivateAndComeBack() {
		this.contextRunner.withUserConfiguration(Wallet.class, StoreConfiguration.class)
			.withPropertyValues("actors.entities.passivate-after=100ms")
			.run((context) -> {
				Core core = context.getBean(Core.class);
				ActorProxy<Wallet> wallet = core.entity(Wallet.class, "w-1");
				assertThat(wallet.name()).isEqualTo("wallet/w-1");
				wallet.tell(new Add(30));
				assertThat(wallet.ask(new Show(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("30 EUR");

				await().atMost(Duration.ofSeconds(30)).until(() -> destroyed.size() == 1);
				assertThat(context.getBean(RecordingStore.class).saved).containsEntry("wallet/w-1", 30L);
				wallet.tell(new Add(12));
				assertThat(wallet.ask(new Show(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("42 EUR");
			});
	}

	@Test
	void entitiesPassivateAfterTwoMinutesUnlessConfigured() {
		this.contextRunner.withUserConfiguration(Wallet.class).run((context) -> {
			assertThat(context.getBean(ActorsProperties.class).getEntities().getPassivateAfter())
				.isEqualTo(Duration.ofMinutes(2));
		});
	}

}
