package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.ShutdownMessage;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorLifecycle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

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
				assertThat(teller.checking.ask(new GetBalance(), Long.class).get(2, TimeUnit.SECONDS)).isEqualTo(10L);
				assertThat(teller.savings.ask(new GetBalance(), Long.class).get(2, TimeUnit.SECONDS)).isEqualTo(42L);
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
			assertThat(greeter.ask(new Hello(), String.class).get(2, TimeUnit.SECONDS))
				.isEqualTo("libactors bank greets from greeter");
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
			assertThat(first.ask(new Hello(), Integer.class).get(2, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(second.ask(new Hello(), Integer.class).get(2, TimeUnit.SECONDS)).isEqualTo(2);
			int before = Session.destroyed.size();
			first.stop().get(2, TimeUnit.SECONDS);
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
			.withPropertyValues("actors.ask-timeout=50ms", "actors.mailbox.capacity=2", "actors.shutdown.timeout=200ms")
			.run((context) -> {
				ActorProxy<?> staller = context.getBean(Core.class).find("staller").orElseThrow();
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
	void aShutdownTimeoutAtOrAboveThePhaseTimeoutFailsStartup() {
		this.contextRunner.withPropertyValues("actors.shutdown.timeout=40s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("actors.shutdown.timeout (PT40S) must be below");
		});
	}

}
