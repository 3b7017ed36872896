package io.libactors;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The bad-input table, row by row: each input is refused at the earliest moment with a message
 * that names what is wrong and how to fix it, and nothing already accepted is lost. Rows proven
 * elsewhere: two handlers for one type, a wrong parameter list, {@code Object}/{@code Message}
 * parameters and interfaces without {@code @JsonTypeInfo} ({@link RegistrationTests}); duplicate
 * names, zero timeouts, wrong reply types and ask timeouts ({@link CoreTests}); a full mailbox
 * ({@link BoundedMailboxTests}); over-large, over-deep and class-naming JSON ({@link JsonTests});
 * schedules ({@link ScheduleTests}).
 */
class BadInputTests {

	private final Core core = Core.builder().askTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Deposit(long amount) implements Message {
	}

	static class Account implements Actor {

		long balance;

		@MessageHandler
		long onDeposit(Deposit deposit) {
			return this.balance += deposit.amount();
		}

	}

	record WithThread(Thread worker) implements Message {
	}

	static class TakesThread implements Actor {

		@MessageHandler
		void onWithThread(WithThread message) {
		}

	}

	@Test
	void aFieldJacksonCannotReadFailsCreationNamingTheMethodAndThePath() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("t", new TakesThread()))
			.withMessageStartingWith("Message type " + WithThread.class.getName() + " of TakesThread.onWithThread "
					+ "fails the JSON check: WithThread.worker.contextClassLoader is declared as java.lang.ClassLoader, "
					+ "an open-ended type without @JsonTypeInfo.")
			.withMessageEndingWith("Make WithThread a record of concrete, serialisable types (annotate abstract or "
					+ "interface property types with @JsonTypeInfo(use = Id.NAME)).");
		assertThat(this.core.find("t")).isEmpty();
	}

	record Attributes(Map<String, Object> values) implements Message {
	}

	record Boxed<T>(T value) implements Message {
	}

	static class TakesSerializable implements Actor {

		@MessageHandler
		void onAnything(Serializable message) {
		}

	}

	static class TakesAttributes implements Actor {

		@MessageHandler
		void onAttributes(Attributes attributes) {
		}

	}

	static class TakesBoxed implements Actor {

		@MessageHandler
		void onBoxed(Boxed<String> boxed) {
		}

	}

	@Test
	void openEndedTypesAreRefusedWithAHintToUseRecordsOrNamedSubtypes() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new TakesSerializable()))
			.withMessageContaining("TakesSerializable.onAnything(Serializable)")
			.withMessageContaining("implements io.libactors.Message");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("b", new TakesAttributes()))
			.withMessageContaining("Attributes.values[] is declared as java.lang.Object, an open-ended type without "
					+ "@JsonTypeInfo")
			.withMessageContaining("@JsonTypeInfo(use = Id.NAME)");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("c", new TakesBoxed()))
			.withMessageContaining("Boxed.value is declared as java.lang.Object");
		assertThat(this.core.actorCount()).isZero();
	}

	static class TakesPrimitive implements Actor {

		@MessageHandler
		void onAmount(int amount) {
		}

	}

	static class TakesList implements Actor {

		@MessageHandler
		void onDeposits(List<Deposit> deposits) {
		}

	}

	@Test
	void primitiveAndErasedGenericParametersAreRefusedNamingTheMethod() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new TakesPrimitive()))
			.withMessageContaining("TakesPrimitive.onAmount(int)")
			.withMessageContaining("implements io.libactors.Message");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("b", new TakesList()))
			.withMessageContaining("TakesList.onDeposits(List)")
			.withMessageContaining("implements io.libactors.Message");
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes(@JsonSubTypes.Type(Invoice.class))
	interface Audited extends Message {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes(@JsonSubTypes.Type(Invoice.class))
	interface Billed extends Message {
	}

	record Invoice(long amount) implements Audited, Billed {
	}

	static class TwoInterfaces implements Actor {

		@MessageHandler
		String onBilled(Billed billed) {
			return "billed";
		}

		@MessageHandler
		String onAudited(Audited audited) {
			return "audited";
		}

	}

	@Test
	void aMessageOfTwoHandledInterfacesGoesToTheFirstItDeclares() throws Exception {
		// the documented rule: own class, then nearest superclass, then interfaces breadth-first in
		// getInterfaces() order; the handlers' order in the actor does not matter
		ActorProxy<TwoInterfaces> actor = this.core.createActor("ledger", new TwoInterfaces());
		for (int i = 0; i < 10; i++) {
			assertThat(actor.ask(new Invoice(i), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("audited");
		}
	}

	@Test
	void nullsAndNonPositiveTimeoutsThrowAtTheCallAndEnqueueNothing() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		account.tell(new Deposit(5));
		assertThatNullPointerException().isThrownBy(() -> account.tell(null))
			.withMessage("message must not be null");
		assertThatNullPointerException().isThrownBy(() -> account.ask(null, Long.class))
			.withMessage("message must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.core.publish(null))
			.withMessage("message must not be null");
		assertThatNullPointerException().isThrownBy(() -> account.ask(new Deposit(1), Long.class, null))
			.withMessage("timeout must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> account.ask(new Deposit(1), Long.class, Duration.ofMillis(-1)))
			.withMessage("Ask timeout must be positive, but was PT-0.001S.");
		assertThat(account.ask(new Deposit(0), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(5L);
		assertThat(this.core.deadLetterCount()).isZero();
	}

	@Test
	void anUnknownNameIsNeverCreatedImplicitly() {
		assertThat(this.core.find("ghost")).isEmpty();
		ActorProxy<?> ghost = this.core.proxy("ghost");
		ghost.tell(new Deposit(1));
		assertThat(this.core.actorCount()).isZero();
		assertThat(this.core.find("ghost")).isEmpty();
		assertThat(ghost.isAlive()).isFalse();
	}

	@Test
	void namesWithControlCharactersOrSlashesAreRefusedWithoutEchoingThem() {
		assertThatExceptionOfType(ActorNameException.class)
			.isThrownBy(() -> this.core.createActor("mallory\r\nINFO forged line", new Account()))
			.withMessage("Actor name 'mallory??INFO forged line' must contain no '/' and no control characters.");
		assertThatExceptionOfType(ActorNameException.class).isThrownBy(() -> this.core.proxy("a/b"))
			.withMessage("Actor name 'a/b' must contain no '/' and no control characters.");
		assertThatExceptionOfType(ActorNameException.class).isThrownBy(() -> this.core.proxy("x".repeat(129)))
			.withMessageEndingWith("must have 1 to 128 characters, not 129.");
		assertThatExceptionOfType(ActorNameException.class).isThrownBy(() -> this.core.createActor("", new Account()))
			.withMessage("Actor name '' must have 1 to 128 characters, not 0.");
		assertThat(this.core.actorCount()).isZero();
	}

	static class Cleaner implements Actor {

		int shutdowns;

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.shutdowns++;
		}

	}

	@Test
	void reservedTypesCannotBeSentByUsersNorReadFromJson() throws Exception {
		Cleaner state = new Cleaner();
		ActorProxy<Cleaner> cleaner = this.core.createActor("cleaner", state);
		String reserved = "ShutdownMessage is sent by the runtime only: call stop() on the proxy.";
		assertThatIllegalArgumentException().isThrownBy(() -> cleaner.tell(new ShutdownMessage())).withMessage(reserved);
		assertThatIllegalArgumentException().isThrownBy(() -> cleaner.ask(new ShutdownMessage(), Void.class))
			.withMessage(reserved);
		assertThatIllegalArgumentException().isThrownBy(() -> this.core.publish(new ShutdownMessage()))
			.withMessage(reserved);
		String json = "{\"id\":\"x-1\",\"sender\":null,\"receiver\":\"cleaner\",\"type\":\"ShutdownMessage\","
				+ "\"timestamp\":\"2026-01-01T00:00:00Z\",\"message\":{}}";
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> this.core.envelopeCodec().read(json))
			.withMessage("Envelope names message type 'ShutdownMessage', which no registered actor handles; only "
					+ "registered types are read.");
		cleaner.stop().get(30, TimeUnit.SECONDS);
		assertThat(state.shutdowns).isEqualTo(1);
	}

	static class Clock implements Actor {

		@MessageHandler
		void onDeposit(Context context, Deposit deposit) {
			context.timers().startPeriodic("tick", Duration.ofMillis(-deposit.amount()), deposit);
		}

	}

	@Test
	void nonPositiveTimerIntervalsAreRefusedWhereTheyAreStarted() {
		ActorProxy<Clock> clock = this.core.createActor("clock", new Clock());
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> clock.ask(new Deposit(0), Void.class).join())
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("Schedule interval must be positive, but was PT0S.");
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> clock.ask(new Deposit(5), Void.class).join())
			.havingRootCause()
			.withMessage("Schedule interval must be positive, but was PT-0.005S.");
		assertThat(clock.isAlive()).isTrue();
	}

	@Test
	void aCoreWithALimitRefusesTheActorOrProxyOverItAndTakesOneAgainWhenOneStops() throws Exception {
		Core limited = Core.builder().maxActors(3).build();
		try {
			ActorProxy<Account> first = limited.createActor("first", new Account());
			limited.createActor("second", new Account());
			ActorProxy<?> later = limited.proxy("later");
			String full = "Actor 'fourth' not created: this core already holds its limit of 3 actors and proxies "
					+ "(maxActors, actors.max-actors). Stop actors that are done, or raise the limit.";
			assertThatExceptionOfType(ActorException.class)
				.isThrownBy(() -> limited.createActor("fourth", new Account()))
				.withMessage(full);
			assertThatExceptionOfType(ActorException.class).isThrownBy(() -> limited.proxy("fourth"))
				.withMessage(full);
			// the proxy already holds its name: its actor may still come
			limited.createActor("later", new Account());
			assertThat(later.ask(new Deposit(2), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(2L);
			first.stop().get(30, TimeUnit.SECONDS);
			limited.createActor("fourth", new Account());
			assertThat(limited.actorCount()).isEqualTo(3);
			assertThat(limited.find("fourth")).isPresent();
		}
		finally {
			limited.shutdown(Duration.ofSeconds(5));
		}
	}

}
