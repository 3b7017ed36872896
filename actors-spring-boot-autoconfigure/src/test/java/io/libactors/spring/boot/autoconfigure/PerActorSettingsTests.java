package io.libactors.spring.boot.autoconfigure;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.AskTimeoutException;
import io.libactors.Core;
import io.libactors.MailboxFullException;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.InvalidActorComponentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Scope;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Settings per actor: the {@code @ActorComponent}'s attributes, and the properties
 * {@code actors.actor.<name>.*} over them, part by part.
 */
class PerActorSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
		.withPropertyValues("actors.ask-timeout=1h", "actors.shutdown.timeout=1s");

	record Block() implements Message {
	}

	record Item() implements Message {
	}

	record Silent() implements Message {
	}

	record Count() implements Message {
	}

	record Fail() implements Message {
	}

	/** Lets every blocked actor of a test go. */
	static volatile CountDownLatch release = new CountDownLatch(1);

	/** Holds its mailbox shut while blocked; never answers {@link Silent}; counts what it has seen. */
	static class Holder implements Actor {

		int count;

		@MessageHandler
		void onBlock(Block block) throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onItem(Item item) {
			this.count++;
		}

		@MessageHandler
		Integer onCount(Count count) {
			return this.count;
		}

		@MessageHandler
		void onFail(Fail fail) {
			throw new IllegalStateException("failed on purpose");
		}

		@MessageHandler
		CompletableFuture<String> onSilent(Silent silent) {
			return new CompletableFuture<>();
		}

	}

	@ActorComponent(value = "small", mailboxCapacity = 2, askTimeout = "200ms")
	static class Small extends Holder {

	}

	@ActorComponent("plain")
	static class Plain extends Holder {

	}

	@ActorComponent(value = "session", throughput = 1)
	@Scope("prototype")
	static class Session extends Holder {

	}

	@ActorComponent(value = "broken", throughput = 0)
	static class Broken extends Holder {

	}

	@Test
	void theAnnotationsSettingsReachItsActor() {
		this.contextRunner.withUserConfiguration(Small.class, Plain.class).run((context) -> {
			assertThat(fill(context, "small")).isEqualTo(2);
			assertThat(fill(context, "plain")).isEqualTo(1_000);
			release.countDown();
			await().until(() -> proxy(context, "small").mailboxSize() == 0);
			CompletableFuture<Object> unanswered = proxy(context, "small").ask(new Silent(), Object.class);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> unanswered.get(60, TimeUnit.SECONDS))
				.withCauseInstanceOf(AskTimeoutException.class);
		});
	}

	@Test
	void aPropertyWinsOverTheAnnotationPartByPart() {
		this.contextRunner.withUserConfiguration(Small.class, Plain.class)
			.withPropertyValues("actors.actor.small.mailbox-capacity=3", "actors.actor.plain.mailbox-capacity=4")
			.run((context) -> {
				assertThat(fill(context, "small")).isEqualTo(3);
				assertThat(fill(context, "plain")).isEqualTo(4);
				release.countDown();
				await().until(() -> proxy(context, "small").mailboxSize() == 0);
				// the annotation's ask timeout still holds
				CompletableFuture<Object> unanswered = proxy(context, "small").ask(new Silent(), Object.class);
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> unanswered.get(60, TimeUnit.SECONDS))
					.withCauseInstanceOf(AskTimeoutException.class);
			});
	}

	@Test
	void aTemplatesSettingsReachEveryActorMadeFromIt() {
		this.contextRunner.withUserConfiguration(Session.class)
			.withPropertyValues("actors.actor.session.mailbox-capacity=5")
			.run((context) -> {
				Core core = context.getBean(Core.class);
				core.createActor(Session.class, "alice");
				core.createActor(Session.class, "bob");
				assertThat(fill(context, "alice")).isEqualTo(5);
				assertThat(fill(context, "bob")).isEqualTo(5);
			});
	}

	@Test
	void aSupervisionPropertyTurnsASingletonIntoOneThatRestarts() {
		this.contextRunner.withUserConfiguration(Plain.class)
			.withPropertyValues("actors.actor.plain.supervision=restart")
			.run((context) -> {
				ActorProxy<?> plain = proxy(context, "plain");
				plain.tell(new Item());
				assertThat(plain.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
				plain.tell(new Fail());
				assertThat(plain.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isZero();
			});
		this.contextRunner.withUserConfiguration(Plain.class).run((context) -> {
			ActorProxy<?> plain = proxy(context, "plain");
			plain.tell(new Item());
			plain.tell(new Fail());
			assertThat(plain.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		});
	}

	@Test
	void aPropertyForANameThatIsNoActorFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(Plain.class)
			.withPropertyValues("actors.actor.palin.throughput=5")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("actors.actor.palin")
				.hasMessageContaining("No @ActorComponent bean is named 'palin'")
				.hasMessageContaining("[plain]"));
	}

	@Test
	void aPropertyOutOfRangeFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(Plain.class)
			.withPropertyValues("actors.actor.plain.throughput=0")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("actors.actor.plain")
				.hasMessageContaining("throughput must be positive"));
	}

	@Test
	void anAnnotationOutOfRangeFailsStartupNamingTheClass() {
		this.contextRunner.withUserConfiguration(Broken.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(InvalidActorComponentException.class)
				.hasMessageContaining(Broken.class.getName())
				.hasMessageContaining("throughput must be positive"));
	}

	@Test
	void theMetadataLetsAnIdeCompleteTheActorNamesAndTheirSettings() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(metadata.get("properties").valueStream()
			.filter((property) -> property.get("name").asString().equals("actors.actor"))
			.map((property) -> property.get("type").asString()))
			.containsExactly("java.util.Map<java.lang.String," + ActorsProperties.PerActor.class.getName() + ">");
		assertThat(metadata.get("hints").valueStream()
			.filter((hint) -> hint.get("name").asString().equals("actors.actor.keys"))
			.map((hint) -> hint.get("providers").get(0).get("parameters").get("target").asString()))
			.containsExactly(Actor.class.getName());
	}

	private static ActorProxy<?> proxy(AssertableApplicationContext context, String name) {
		return context.getBean(Core.class).find(name).orElseThrow();
	}

	/** Blocks the actor, then counts the items its mailbox takes before it is full (at most 1,000). */
	private static int fill(AssertableApplicationContext context, String name) {
		Core core = context.getBean(Core.class);
		ActorProxy<?> proxy = proxy(context, name);
		proxy.tell(new Block());
		await().until(() -> core.longRunning(Duration.ZERO).containsKey(name));
		int n = 0;
		try {
			for (; n < 1_000; n++) {
				proxy.tell(new Item());
			}
		}
		catch (MailboxFullException ex) {
			// full
		}
		return n;
	}

	@BeforeEach
	void blockAgain() {
		release = new CountDownLatch(1);
	}

	@AfterEach
	void letGo() {
		release.countDown();
	}

}
