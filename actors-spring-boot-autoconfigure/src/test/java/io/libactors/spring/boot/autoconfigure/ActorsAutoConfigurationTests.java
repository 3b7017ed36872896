package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.ShutdownMessage;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorLifecycle;
import io.libactors.spring.boot.autoconfigure.endpoint.ActorsEndpointAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.health.ActorsHealthAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.metrics.ActorsMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ActorsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

	record Deposit(long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	interface Account extends Actor {

	}

	@ActorComponent("checking")
	static class CheckingAccount implements Account {

		private long balance;

		@MessageHandler
		void onDeposit(Deposit deposit) {
			this.balance += deposit.amount();
		}

		@MessageHandler
		long onGetBalance(GetBalance request) {
			return this.balance;
		}

	}

	@ActorComponent("savings")
	static class SavingsAccount implements Account {

		@MessageHandler
		long onGetBalance(GetBalance request) {
			return 42;
		}

	}

	@Service
	static class Teller {

		final ActorProxy<CheckingAccount> checking;

		@Autowired
		@Qualifier("savings")
		ActorProxy<? extends Account> savings;

		Teller(ActorProxy<CheckingAccount> checking) {
			this.checking = checking;
		}

	}

	@Test
	void definesACoreAndStartsSingletonActors() {
		this.contextRunner.withUserConfiguration(CheckingAccount.class).run((context) -> {
			assertThat(context).hasSingleBean(Core.class).hasSingleBean(ActorLifecycle.class);
			Core core = context.getBean(Core.class);
			assertThat(core.find("checking")).isPresent();
			assertThat(core.actor("checking").orElseThrow().state()).isEqualTo("RUNNING");
		});
	}

	@Test
	void servicesInjectProxiesByGenericTypeAndByQualifier() {
		this.contextRunner.withUserConfiguration(CheckingAccount.class, SavingsAccount.class, Teller.class)
			.run((context) -> {
				Teller teller = context.getBean(Teller.class);
				teller.checking.tell(new Deposit(10));
				assertThat(teller.checking.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(10L);
				assertThat(teller.savings.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(42L);
				assertThat(teller.checking.name()).isEqualTo("checking");
				assertThat(context.getBeanNamesForType(CheckingAccount.class)).containsExactly("checking");
				ActorProxy<?> proxyBean = context.getBean("checking.proxy", ActorProxy.class);
				assertThat(proxyBean.name()).isEqualTo("checking");
				assertThat(proxyBean.isAlive()).isTrue();
			});
	}

	@Test
	void backsOffWhenTheUserDefinesACore() {
		this.contextRunner.withUserConfiguration(UserCoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Core.class);
			assertThat(context.getBean(Core.class)).isSameAs(context.getBean(UserCoreConfiguration.class).core);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class LimitedCoreConfiguration {

		@Bean
		ActorsCoreBuilderCustomizer oneActorOnly() {
			return (builder) -> builder.maxActors(1);
		}

	}

	@Test
	void aBuilderCustomizerBeanSetsWhatNoPropertyDoes() {
		this.contextRunner.withUserConfiguration(LimitedCoreConfiguration.class, CheckingAccount.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(Core.class)
				.satisfies((core) -> assertThatExceptionOfType(ActorException.class)
					.isThrownBy(() -> core.createActor("second", new CheckingAccount()))
					.withMessageContaining("limit of 1")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCoreConfiguration {

		final Core core = Core.builder().throughput(7).build();

		@Bean
		Core userCore() {
			return this.core;
		}

	}

	record Hello() implements Message {
	}

	static class BankContext extends Context {

		final String bankName;

		BankContext(String bankName) {
			this.bankName = bankName;
		}

	}

	@ActorComponent("greeter")
	static class Greeter implements Actor {

		@MessageHandler
		String onHello(BankContext context, Hello hello) {
			return context.bankName + " greets from " + context.name();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BankContextConfiguration {

		@Bean
		BankContext bankContext() {
			return new BankContext("libactors bank");
		}

	}

	@Test
	void handlersTakeTheApplicationsContextSubclass() {
		this.contextRunner.withUserConfiguration(BankContextConfiguration.class, Greeter.class).run((context) -> {
			ActorProxy<?> greeter = context.getBean(Core.class).find("greeter").orElseThrow();
			assertThat(greeter.ask(new Hello(), String.class).get(30, TimeUnit.SECONDS))
				.isEqualTo("libactors bank greets from greeter");
		});
	}

	/** A service that holds a proxy, injected into the context: no cycle through the Core. */
	@Service
	static class Concierge {

		final ActorProxy<CheckingAccount> checking;

		Concierge(ActorProxy<CheckingAccount> checking) {
			this.checking = checking;
		}

	}

	static class ConciergeContext extends Context {

		final Concierge concierge;

		ConciergeContext(Concierge concierge) {
			this.concierge = concierge;
		}

	}

	@ActorComponent("forwarder")
	static class Forwarder implements Actor {

		@MessageHandler
		void onDeposit(ConciergeContext context, Deposit deposit) {
			context.concierge.checking.tell(deposit);
		}

	}

	@Test
	void aContextSubclassMayInjectAServiceThatHoldsAProxy() {
		this.contextRunner
			.withUserConfiguration(CheckingAccount.class, Forwarder.class, Concierge.class, ConciergeContext.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Context.class);
				Core core = context.getBean(Core.class);
				core.find("forwarder").orElseThrow().tell(new Deposit(42));
				// The forwarder's deposit and this ask come from two senders: wait for the deposit.
				await().until(() -> core.find("checking").orElseThrow().ask(new GetBalance(), Long.class).get(2,
						TimeUnit.SECONDS) == 42L);
			});
	}

	@Test
	void theDefaultContextIsABeanAndBacksOffForTheApplications() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Context.class)
			.getBean(Context.class)
			.isExactlyInstanceOf(Context.class)
			.isSameAs(context.getBean(Core.class).context()));
		this.contextRunner.withUserConfiguration(BankContextConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(Context.class)
				.getBean(Context.class)
				.isInstanceOf(BankContext.class));
	}

	record Tick() implements Message {
	}

	record CountTicks() implements Message {
	}

	@ActorComponent("clock")
	static class ClockActor implements Actor {

		private int ticks;

		@Override
		public void initialize(Context context) {
			context.timers().startPeriodic("tick", Duration.ofMillis(10), new Tick());
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.ticks++;
		}

		@MessageHandler
		int onCount(CountTicks count) {
			return this.ticks;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppSchedulerConfiguration {

		@Bean
		ThreadPoolTaskScheduler appScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@Test
	void timersRunOnTheApplicationsTaskSchedulerWhenThereIsOne() {
		this.contextRunner.withUserConfiguration(AppSchedulerConfiguration.class, ClockActor.class).run((context) -> {
			ActorProxy<?> clock = context.getBean(Core.class).find("clock").orElseThrow();
			await().until(() -> clock.ask(new CountTicks(), Integer.class).get() >= 3);
			assertThat(context.getBean(ThreadPoolTaskScheduler.class).getScheduledThreadPoolExecutor().getTaskCount())
				.isPositive();
		});
	}

	@Test
	void withoutASchedulerTimersRunOnAPrivateOneThatIsNoBean() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(ClockActor.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TaskScheduler.class).hasSingleBean(Executor.class);
				ActorProxy<?> clock = context.getBean(Core.class).find("clock").orElseThrow();
				await().until(() -> clock.ask(new CountTicks(), Integer.class).get() >= 3);
			});
	}

	record Lookup() implements Message {
	}

	@ActorComponent("looker")
	static class Looker implements Actor {

		@MessageHandler
		void onLookup(Context context, Lookup lookup) {
			context.actlet(() -> new Found(Thread.currentThread().getName()));
		}

		@MessageHandler
		void onFound(Found found) {
			threads.add(found.thread());
		}

	}

	record Found(String thread) implements Message {
	}

	static final List<String> threads = new CopyOnWriteArrayList<>();

	@Test
	void actletsRunOnTheApplicationTaskExecutor() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.task.execution.thread-name-prefix=app-task-")
			.withUserConfiguration(Looker.class)
			.run((context) -> {
				threads.clear();
				context.getBean(Core.class).find("looker").orElseThrow().tell(new Lookup());
				await().until(() -> !threads.isEmpty());
				assertThat(threads).singleElement().asString().startsWith("app-task-");
			});
	}

	@Test
	void startsWithoutActuatorHealthOrMicrometerOnTheClasspath() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class,
					ActorsMetricsAutoConfiguration.class, ActorsHealthAutoConfiguration.class,
					ActorsEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
					"org.springframework.boot.health", "org.springframework.boot.micrometer", "io.micrometer"))
			.withUserConfiguration(CheckingAccount.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Core.class)
				.doesNotHaveBean(io.libactors.ActorMonitor.class));
	}

	record MoveMoney(long amountInCents) implements Message {
	}

	@Test
	void theCoresJsonUsesTheApplicationsCustomizersOnAMapperOfItsOwn() {
		this.contextRunner
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class))
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> {
				String json = context.getBean(Core.class).envelopeCodec()
					.write(new io.libactors.Envelope("e-1", null, "teller", new MoveMoney(5), java.time.Instant.EPOCH));
				assertThat(json).contains("\"amount_in_cents\":5");
				assertThat(context.getBean(io.libactors.spring.ActorJsonMapper.class).mapper())
					.isNotSameAs(context.getBean(tools.jackson.databind.json.JsonMapper.class));
			});
	}

	@Service
	static class Ledger {

		final AtomicInteger entries = new AtomicInteger();

	}

	@ActorComponent("session")
	@Scope("prototype")
	static class Session implements Actor {

		static final List<Session> destroyed = new CopyOnWriteArrayList<>();

		private final Ledger ledger;

		Session(Ledger ledger) {
			this.ledger = ledger;
		}

		@MessageHandler
		int onHello(Hello hello) {
			return this.ledger.entries.incrementAndGet();
		}

		@jakarta.annotation.PreDestroy
		void destroy() {
			destroyed.add(this);
		}

	}

	@Test
	void prototypeActorsAreTemplatesWithDependencyInjection() {
		this.contextRunner.withUserConfiguration(Ledger.class, Session.class).run((context) -> {
			Core core = context.getBean(Core.class);
			assertThat(core.find("session")).isEmpty();
			assertThat(context.getBeanNamesForType(ActorProxy.class)).isEmpty();
			ActorProxy<Session> first = core.createActor(Session.class, "session-1");
			ActorProxy<Session> second = core.createActor(Session.class, "session-2");
			assertThat(first.ask(new Hello(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(second.ask(new Hello(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(2);
			int before = Session.destroyed.size();
			first.stop().get(30, TimeUnit.SECONDS);
			assertThat(Session.destroyed).hasSize(before + 1);
		});
	}

	record Work() implements Message {
	}

	@ActorComponent("worker")
	static class Worker implements Actor {

		static final AtomicLong handled = new AtomicLong();

		static final List<String> events = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onWork(Work work) {
			long until = System.nanoTime() + 20_000;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			handled.incrementAndGet();
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			events.add("shutdown after " + handled.get());
		}

	}

	@Test
	void closingTheContextDrainsQueuedMessagesThenSendsShutdown() {
		Worker.handled.set(0);
		Worker.events.clear();
		this.contextRunner.withUserConfiguration(Worker.class).run((context) -> {
			Core core = context.getBean(Core.class);
			ActorProxy<?> worker = core.find("worker").orElseThrow();
			for (int i = 0; i < 5_000; i++) {
				worker.tell(new Work());
			}
			((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
			assertThat(Worker.handled).hasValue(5_000);
			assertThat(Worker.events).containsExactly("shutdown after 5000");
			assertThat(core.deadLetterCount()).isZero();
		});
	}

	static class Broken implements Actor {

		@MessageHandler
		void first(Hello hello) {
		}

		@MessageHandler
		void second(Hello hello) {
		}

	}

	@ActorComponent("broken")
	static class BrokenActor extends Broken {

	}

	@Test
	void aRegistrationErrorFailsStartupWithAFailureAnalysis() {
		this.contextRunner.withUserConfiguration(BrokenActor.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new HandlerRegistrationFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("BrokenActor has two @MessageHandler methods for Hello: ")
				.contains("first")
				.contains("second");
			assertThat(analysis.getAction()).isEqualTo("Keep one handler per message type in BrokenActor.");
		});
	}

	@ActorComponent("staller")
	static class Staller implements Actor {

		@MessageHandler
		java.util.concurrent.CompletionStage<Long> onGetBalance(GetBalance request) {
			return new java.util.concurrent.CompletableFuture<>();
		}

	}

	@Test
	void propertiesConfigureTheCore() {
		this.contextRunner.withUserConfiguration(Staller.class)
			.withPropertyValues("actors.ask-timeout=50ms", "actors.mailbox.capacity=2", "actors.shutdown.timeout=200ms",
					"actors.max-actors=1")
			.run((context) -> {
				ActorProxy<?> staller = context.getBean(Core.class).find("staller").orElseThrow();
				org.assertj.core.api.Assertions.assertThatExceptionOfType(io.libactors.ActorException.class)
					.isThrownBy(() -> context.getBean(Core.class).proxy("one-too-many"))
					.withMessageContaining("limit of 1 actors");
				assertThat(staller.ask(new GetBalance(), Long.class)).failsWithin(Duration.ofSeconds(2))
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(io.libactors.AskTimeoutException.class)
					.withMessageContaining("within 50 ms");
				staller.tell(new GetBalance());
				staller.tell(new GetBalance());
				org.assertj.core.api.Assertions.assertThatExceptionOfType(io.libactors.MailboxFullException.class)
					.isThrownBy(() -> staller.tell(new GetBalance()));
			});
	}

	@Test
	void aShutdownTimeoutAtOrAboveThePhaseTimeoutFailsStartupWithAFailureAnalysis() {
		this.contextRunner.withPropertyValues("actors.shutdown.timeout=40s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ShutdownTimeoutTooLongException.class);
			FailureAnalysis analysis = new ShutdownTimeoutTooLongFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("actors.shutdown.timeout (40s) must be below "
					+ "spring.lifecycle.timeout-per-shutdown-phase (30s), or the drain is cut short.");
			assertThat(analysis.getAction()).isEqualTo(
					"Set actors.shutdown.timeout below 30s, or raise spring.lifecycle.timeout-per-shutdown-phase above 40s.");
		});
	}

	@Test
	void aLongerShutdownPhaseAllowsALongerShutdownTimeout() {
		this.contextRunner
			.withPropertyValues("actors.shutdown.timeout=40s", "spring.lifecycle.timeout-per-shutdown-phase=1m")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ActorLifecycle.class));
	}

	@Test
	void theShutdownTimeoutFailureAnalysisWritesDurationsAsPropertiesDo() {
		FailureAnalysis analysis = new ShutdownTimeoutTooLongFailureAnalyzer()
			.analyze(new ShutdownTimeoutTooLongException(Duration.ofMinutes(2), Duration.ofMillis(1500)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("actors.shutdown.timeout (2m) must be below "
				+ "spring.lifecycle.timeout-per-shutdown-phase (1500ms), or the drain is cut short.");
		assertThat(analysis.getAction()).isEqualTo(
				"Set actors.shutdown.timeout below 1500ms, or raise spring.lifecycle.timeout-per-shutdown-phase above 2m.");
	}

	@Test
	void theShutdownTimeoutFailureAnalyzerIgnoresOtherFailures() {
		assertThat(new ShutdownTimeoutTooLongFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	static final CountDownLatch releaseSlowStarter = new CountDownLatch(1);

	@ActorComponent("slowStarter")
	static class SlowStarter implements Actor {

		@Override
		public void initialize(Context context) throws Exception {
			releaseSlowStarter.await(10, TimeUnit.SECONDS);
		}

	}

	@Test
	void anActorStillInitializingAfterTheStartupTimeoutFailsStartup() {
		this.contextRunner.withUserConfiguration(SlowStarter.class)
			.withPropertyValues("actors.startup.timeout=100ms")
			.run((context) -> {
				try {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause()
						.hasMessage("Actor 'slowStarter' did not finish initialize within PT0.1S.");
				}
				finally {
					releaseSlowStarter.countDown();
				}
			});
	}

	@Test
	void theStartupTimeoutDefaultsToOneMinute() {
		assertThat(new ActorsProperties().getStartup().getTimeout()).isEqualTo(Duration.ofSeconds(60));
	}

}
