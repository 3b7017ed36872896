package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.libactors.internal.ActorCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every registration error names the class, the method and the fix, at creation.
 */
class RegistrationTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Deposit(long amount) implements Message {
	}

	static class TwoHandlers implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

		@MessageHandler
		void credit(Deposit deposit) {
		}

	}

	@Test
	void twoHandlersForOneTypeAreRefusedNamingBoth() {
		assertThatExceptionOfType(DuplicateHandlerException.class)
			.isThrownBy(() -> this.core.createActor("bank", new TwoHandlers()))
			.satisfies((ex) -> assertThat(ex.description()).startsWith("TwoHandlers has two @MessageHandler methods for "
					+ "Deposit: ").contains("onDeposit").contains("credit"))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Keep one handler per message type in TwoHandlers."));
		assertThat(this.core.find("bank")).isEmpty();
	}

	static final class Branch {

		record Ping() implements Message {
		}

	}

	static final class Office {

		record Ping() implements Message {
		}

	}

	static class PingsBoth implements Actor {

		@MessageHandler
		void onBranchPing(Branch.Ping ping) {
		}

		@MessageHandler
		void onOfficePing(Office.Ping ping) {
		}

	}

	static class PingsOffice implements Actor {

		@MessageHandler
		void onOfficePing(Office.Ping ping) {
		}

	}

	static class PingsBranch implements Actor {

		@MessageHandler
		void onBranchPing(Branch.Ping ping) {
		}

	}

	@Test
	void twoMessageTypesSharingASimpleNameAreRefusedNamingBoth() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("pings", new PingsBoth()))
			.withMessageContaining(Branch.Ping.class.getName())
			.withMessageContaining(Office.Ping.class.getName())
			.withMessageContaining("simple name Ping");
		assertThat(this.core.find("pings")).isEmpty();
	}

	@Test
	void aMessageTypeSharingItsSimpleNameWithAnotherActorsTypeIsRefused() {
		this.core.createActor("office", new PingsOffice());
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("branch", new PingsBranch()))
			.withMessageContaining(Branch.Ping.class.getName())
			.withMessageContaining(Office.Ping.class.getName());
		assertThat(this.core.find("branch")).isEmpty();
		this.core.createActor("office-2", new PingsOffice());
	}

	static class TakesString implements Actor {

		@MessageHandler
		void onText(String text) {
		}

	}

	static class TakesMessage implements Actor {

		@MessageHandler
		void onAnything(Message message) {
		}

	}

	static class TakesObject implements Actor {

		@MessageHandler
		void onAnything(Object message) {
		}

	}

	@Test
	void aParameterThatIsNotAConcreteMessageTypeIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new TakesString()))
			.withMessageContaining("TakesString.onText(String)")
			.withMessageContaining("java.lang.String")
			.withMessageContaining("implements io.libactors.Message");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("b", new TakesMessage()))
			.withMessageContaining("TakesMessage.onAnything(Message)");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("c", new TakesObject()))
			.withMessageContaining("TakesObject.onAnything(Object)");
	}

	interface Command extends Message {
	}

	static class TakesPlainInterface implements Actor {

		@MessageHandler
		void onCommand(Command command) {
		}

	}

	@Test
	void anInterfaceWithoutJsonTypeInfoIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new TakesPlainInterface()))
			.withMessageContaining("TakesPlainInterface.onCommand(Command)")
			.withMessageContaining("@JsonTypeInfo");
	}

	static class WrongParameters implements Actor {

		@MessageHandler
		void onTwo(Deposit first, Deposit second) {
		}

	}

	static class NoParameters implements Actor {

		@MessageHandler
		void onNothing() {
		}

	}

	static class StaticHandler implements Actor {

		@MessageHandler
		static void onDeposit(Deposit deposit) {
		}

	}

	@Test
	void aWrongParameterListOrAStaticHandlerIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new WrongParameters()))
			.withMessageContaining("WrongParameters.onTwo(Deposit, Deposit) has a wrong parameter list")
			.withMessageContaining("(SomeMessage) or (Context, SomeMessage)");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("b", new NoParameters()))
			.withMessageContaining("NoParameters.onNothing()");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("c", new StaticHandler()))
			.withMessageContaining("StaticHandler.onDeposit(Deposit) is static");
	}

	record Holder(Object value) implements Message {
	}

	record Nested(List<Shape> shapes) implements Message {
	}

	interface Shape {
	}

	static final class NoCreator implements Message {

		private final long amount;

		NoCreator(long amount, String reason) {
			this.amount = amount;
		}

		public long getAmount() {
			return this.amount;
		}

	}

	static class OpenEnded implements Actor {

		@MessageHandler
		void onHolder(Holder holder) {
		}

	}

	static class DeepOpenEnded implements Actor {

		@MessageHandler
		void onNested(Nested nested) {
		}

	}

	static class Uncreatable implements Actor {

		@MessageHandler
		void onNoCreator(NoCreator message) {
		}

	}

	@Test
	void messageTypesThatFailTheJsonCheckAreRefusedWithTheirPath() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("a", new OpenEnded()))
			.withMessageContaining("Holder")
			.withMessageContaining("Holder.value is declared as java.lang.Object");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("b", new DeepOpenEnded()))
			.withMessageContaining("Nested.shapes[] is declared as " + Shape.class.getName());
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("c", new Uncreatable()))
			.withMessageContaining("no creator");
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes({ @JsonSubTypes.Type(value = Open.class, name = "open"),
			@JsonSubTypes.Type(value = Close.class, name = "close") })
	sealed interface AccountCommand extends Message permits Open, Close {
	}

	record Open(String owner) implements AccountCommand {
	}

	record Close() implements AccountCommand {
	}

	record Empty() implements Message {
	}

	/** Shared behaviour: a handler declared on an interface. */
	interface Pingable extends Actor {

		@MessageHandler
		default String onEmpty(Empty empty) {
			return "pong from interface";
		}

	}

	static class Base implements Actor {

		@MessageHandler
		String onCommand(AccountCommand command) {
			return "command " + command.getClass().getSimpleName();
		}

		@MessageHandler
		String onClose(Close close) {
			return "base close";
		}

	}

	public static class Derived extends Base implements Pingable {

		@Override
		String onClose(Close close) {
			return "derived close";
		}

	}

	@Test
	void inheritedAndInterfaceHandlersRouteByExactTypeThenNearestSupertype() throws Exception {
		ActorProxy<Derived> actor = this.core.createActor("derived", new Derived());
		assertThat(actor.ask(new Open("ann"), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("command Open");
		assertThat(actor.ask(new Close(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("derived close");
		assertThat(actor.ask(new Empty(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("pong from interface");
	}

	static class BankContext extends Context {

		String bank() {
			return "libactors bank";
		}

	}

	static class UsesBankContext implements Actor {

		@MessageHandler
		String onEmpty(BankContext context, Empty empty) {
			return context.bank() + " " + context.name();
		}

	}

	@Test
	void handlersMayTakeTheCoresContextSubclass() throws Exception {
		Core withContext = Core.builder().context(new BankContext()).build();
		try {
			ActorProxy<UsesBankContext> actor = withContext.createActor("teller", new UsesBankContext());
			assertThat(actor.ask(new Empty(), String.class).get(30, TimeUnit.SECONDS))
				.isEqualTo("libactors bank teller");
		}
		finally {
			withContext.shutdown(Duration.ofSeconds(5));
		}
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("teller", new UsesBankContext()))
			.withMessageContaining("UsesBankContext.onEmpty takes a BankContext")
			.withMessageContaining("Core.builder().context(...)");
	}

	@Test
	void createActorFromTypeNeedsATemplate() throws Exception {
		ActorProxy<Derived> fromTemplate = this.core.createActor(Derived.class, "made");
		assertThat(fromTemplate.ask(new Close(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("derived close");
		assertThatExceptionOfType(ActorException.class)
			.isThrownBy(() -> this.core.createActor(Pingable.class, "nope"))
			.withMessageContaining("No template for actor type " + Pingable.class.getName());
	}

	@Test
	void actorsMadeFromOneTemplateShareTheirOrigin() {
		// what the template gives (factory, supervision, destroyer, name) costs an actor nothing
		ActorCell first = (ActorCell) (ActorProxy<?>) this.core.createActor(Derived.class, "first");
		ActorCell second = (ActorCell) (ActorProxy<?>) this.core.createActor(Derived.class, "second");
		assertThat(second.origin()).isSameAs(first.origin());
		assertThat(first.origin().template()).isEqualTo("Derived");
	}

}
