package io.libactors.internal.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.DuplicateHandlerException;
import io.libactors.HandlerRegistrationException;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Reducer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The handler scanner finds the handlers of an actor class, its superclasses and interfaces included, refuses
 * a class with a bad handler naming the class, the method and the fix, caches each class's table, and
 * builds a reducer's table from the types it takes; a handler invokes its method.
 */
class HandlerScannerTests {

	record Deposit(long amount) implements Message {
	}

	record Withdraw(long amount) implements Message {
	}

	record Greeting(String name) implements Message {
	}

	record Count(int n) implements Message {
	}

	record Close() implements Message {
	}

	record Open() implements Message {
	}

	record Empty() implements Message {
	}

	interface PlainCommand extends Message {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	interface TypedCommand extends Message {
	}

	// ---- accepted shapes

	static class Base implements Actor {

		@MessageHandler
		String onDeposit(Deposit deposit) {
			return "base deposit " + deposit.amount();
		}

		@MessageHandler
		String onClose(Close close) {
			return "base close";
		}

		@MessageHandler
		String onOpen(Open open) {
			return "base open";
		}

	}

	interface Greets extends Actor {

		@MessageHandler
		default String onGreeting(Greeting greeting) {
			return "hello " + greeting.name();
		}

	}

	interface Counts extends Actor {

		@MessageHandler
		int onCount(Count count);

	}

	static class Derived extends Base implements Greets, Counts {

		/** Overrides without repeating the annotation. */
		@Override
		String onClose(Close close) {
			return "derived close";
		}

		/** Overrides repeating the annotation. */
		@Override
		@MessageHandler
		String onOpen(Open open) {
			return "derived open";
		}

		/** Implements an abstract interface handler without the annotation. */
		@Override
		public int onCount(Count count) {
			return count.n() * 2;
		}

		@MessageHandler
		String onWithdraw(Withdraw withdraw) {
			return "derived withdraw " + withdraw.amount();
		}

	}

	static class BankContext extends Context {

		String bank() {
			return "libactors bank";
		}

	}

	static class Contexts implements Actor {

		@MessageHandler
		String onEmpty(BankContext context, Empty empty) {
			return context.bank();
		}

		@MessageHandler
		void onDeposit(Context context, Deposit deposit) {
		}

		@MessageHandler
		void onWithdraw(Withdraw withdraw) {
		}

	}

	static class Asynchronous implements Actor {

		@MessageHandler
		CompletionStage<String> onDeposit(Deposit deposit) {
			return CompletableFuture.completedFuture("later");
		}

		@MessageHandler
		CompletableFuture<String> onWithdraw(Withdraw withdraw) {
			return CompletableFuture.completedFuture("later");
		}

		@MessageHandler
		String onClose(Close close) {
			return "now";
		}

	}

	static class Recorder implements Actor {

		final List<Message> received = new ArrayList<>();

		Context context;

		@MessageHandler
		void onDeposit(Deposit deposit) {
			this.received.add(deposit);
		}

		@MessageHandler
		String onWithdraw(Context context, Withdraw withdraw) {
			this.context = context;
			this.received.add(withdraw);
			return "withdrew " + withdraw.amount();
		}

		@MessageHandler
		private String onGreeting(Greeting greeting) {
			return "private hello " + greeting.name();
		}

		@MessageHandler
		void onClose(Close close) {
			throw new IllegalStateException("closed for the day");
		}

	}

	static class TakesTypedInterface implements Actor {

		@MessageHandler
		void onCommand(TypedCommand command) {
		}

	}

	// ---- refused shapes

	static class StaticHandler implements Actor {

		@MessageHandler
		static void onDeposit(Deposit deposit) {
		}

	}

	static class NoParameters implements Actor {

		@MessageHandler
		void onNothing() {
		}

	}

	static class ThreeParameters implements Actor {

		@MessageHandler
		void onThree(Context context, Deposit deposit, Withdraw withdraw) {
		}

	}

	static class TwoMessages implements Actor {

		@MessageHandler
		void onTwo(Deposit deposit, Withdraw withdraw) {
		}

	}

	static class ContextLast implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit, Context context) {
		}

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

	static class TakesContextOnly implements Actor {

		@MessageHandler
		void onContext(Context context) {
		}

	}

	static class TakesPlainInterface implements Actor {

		@MessageHandler
		void onCommand(PlainCommand command) {
		}

	}

	static class TwoHandlers implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

		@MessageHandler
		void credit(Deposit deposit) {
		}

	}

	static class OneHandler implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

	}

	static class SecondHandlerInSubclass extends OneHandler {

		@MessageHandler
		void credit(Deposit deposit) {
		}

	}

	private static Handler handler(HandlerTable table, Class<?> messageType) {
		Handler handler = table.find(messageType);
		assertThat(handler).as("handler of %s", messageType.getSimpleName()).isNotNull();
		return handler;
	}

	// ---- what it accepts

	@Test
	void handlersOfSuperclassesAndInterfacesAreFoundOncePerMessageType() {
		HandlerTable table = HandlerScanner.tableFor(Derived.class);
		assertThat(table.handlers).hasSize(6);
		for (Class<?> type : List.of(Deposit.class, Close.class, Open.class, Greeting.class, Count.class,
				Withdraw.class)) {
			assertThat(table.handles(type)).as("handles %s", type.getSimpleName()).isTrue();
		}
	}

	@Test
	void anOverrideIsTheHandlerInvokedWhetherOrNotItRepeatsTheAnnotation() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Derived.class);
		Derived actor = new Derived();
		assertThat(handler(table, Close.class).invoke(actor, new Context(), new Close())).isEqualTo("derived close");
		assertThat(handler(table, Open.class).invoke(actor, new Context(), new Open())).isEqualTo("derived open");
		assertThat(handler(table, Close.class).method.getDeclaringClass()).isEqualTo(Derived.class);
	}

	@Test
	void inheritedAndInterfaceHandlersAreInvokedOnTheActor() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Derived.class);
		Derived actor = new Derived();
		assertThat(handler(table, Deposit.class).invoke(actor, new Context(), new Deposit(7)))
			.isEqualTo("base deposit 7");
		assertThat(handler(table, Greeting.class).invoke(actor, new Context(), new Greeting("ann")))
			.isEqualTo("hello ann");
		assertThat(handler(table, Count.class).invoke(actor, new Context(), new Count(21))).isEqualTo(42);
		assertThat(handler(table, Withdraw.class).invoke(actor, new Context(), new Withdraw(3)))
			.isEqualTo("derived withdraw 3");
	}

	@Test
	void aHandlerMayTakeAContextOrASubclassOfItBeforeTheMessage() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Contexts.class);
		Handler withBankContext = handler(table, Empty.class);
		assertThat(withBankContext.contextType).isEqualTo(BankContext.class);
		assertThat(withBankContext.invoke(new Contexts(), new BankContext(), new Empty())).isEqualTo("libactors bank");
		assertThat(handler(table, Deposit.class).contextType).isEqualTo(Context.class);
		assertThat(handler(table, Withdraw.class).contextType).isEqualTo(Context.class);
	}

	@Test
	void aHandlerReturningACompletionStageIsAsync() {
		HandlerTable table = HandlerScanner.tableFor(Asynchronous.class);
		assertThat(handler(table, Deposit.class).async).isTrue();
		assertThat(handler(table, Withdraw.class).async).isTrue();
		assertThat(handler(table, Close.class).async).isFalse();
	}

	@Test
	void anInterfaceMessageTypeWithJsonTypeInfoIsAccepted() {
		HandlerTable table = HandlerScanner.tableFor(TakesTypedInterface.class);
		assertThat(table.handles(TypedCommand.class)).isTrue();
	}

	// ---- what it refuses

	@Test
	void aStaticHandlerIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(StaticHandler.class))
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("@MessageHandler method StaticHandler.onDeposit(Deposit) is static."))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Make it an instance method of StaticHandler."));
	}

	@Test
	void aHandlerWithoutParametersIsRefusedAsAWrongParameterList() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(NoParameters.class))
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("@MessageHandler method NoParameters.onNothing() has a wrong parameter list."))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo(
					"Declare it as (SomeMessage) or (Context, SomeMessage), where Context may be a subclass."));
	}

	@Test
	void aHandlerWithMoreThanTwoParametersIsRefusedAsAWrongParameterList() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(ThreeParameters.class))
			.withMessageContaining("ThreeParameters.onThree(Context, Deposit, Withdraw) has a wrong parameter list.");
	}

	@Test
	void aHandlerWhoseFirstOfTwoParametersIsNotAContextIsRefusedAsAWrongParameterList() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TwoMessages.class))
			.withMessageContaining("TwoMessages.onTwo(Deposit, Withdraw) has a wrong parameter list.");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(ContextLast.class))
			.withMessageContaining("ContextLast.onDeposit(Deposit, Context) has a wrong parameter list.");
	}

	@Test
	void aParameterThatIsNotAConcreteMessageTypeIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TakesString.class))
			.satisfies((ex) -> assertThat(ex.description()).isEqualTo(
					"@MessageHandler method TakesString.onText(String) takes java.lang.String, which is not a "
							+ "concrete Message type."))
			.satisfies((ex) -> assertThat(ex.action())
				.isEqualTo("Take a record (or final class) that implements io.libactors.Message."));
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TakesMessage.class))
			.withMessageContaining("TakesMessage.onAnything(Message) takes io.libactors.Message,");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TakesObject.class))
			.withMessageContaining("TakesObject.onAnything(Object) takes java.lang.Object,");
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TakesContextOnly.class))
			.withMessageContaining("TakesContextOnly.onContext(Context) takes io.libactors.Context,");
	}

	@Test
	void anInterfaceMessageTypeWithoutJsonTypeInfoIsRefused() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TakesPlainInterface.class))
			.withMessageContaining("TakesPlainInterface.onCommand(PlainCommand) takes the interface PlainCommand, "
					+ "which has no @JsonTypeInfo")
			.satisfies((ex) -> assertThat(ex.action()).startsWith("Annotate PlainCommand with @JsonTypeInfo"));
	}

	@Test
	void twoHandlersForOneTypeAreRefusedNamingBoth() {
		assertThatExceptionOfType(DuplicateHandlerException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(TwoHandlers.class))
			.satisfies((ex) -> assertThat(ex.description())
				.startsWith("TwoHandlers has two @MessageHandler methods for Deposit: ")
				.contains("onDeposit")
				.contains("credit"))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Keep one handler per message type in TwoHandlers."));
	}

	@Test
	void aSubclassHandlerForATypeItsSuperclassHandlesIsADuplicateNamingTheSubclassOneFirst() {
		assertThatExceptionOfType(DuplicateHandlerException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(SecondHandlerInSubclass.class))
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("SecondHandlerInSubclass has two @MessageHandler methods for Deposit: credit and "
						+ "onDeposit."));
	}

	@Test
	void aRefusedClassIsRefusedAgainOnTheNextLookup() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(NoParameters.class));
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(NoParameters.class));
	}

	// ---- caching

	@Test
	void theTableOfAClassIsScannedOnceAndShared() {
		HandlerTable first = HandlerScanner.tableFor(Derived.class);
		assertThat(HandlerScanner.tableFor(Derived.class)).isSameAs(first);
		assertThat(HandlerScanner.tableFor(Base.class)).isNotSameAs(first);
	}

	// ---- reducers

	@Test
	void aReducerGetsOneHandlerPerMessageTypeItTakes() {
		Reducer<Long> counter = Reducer.initial(0L)
			.on(Deposit.class, (total, deposit) -> total + deposit.amount())
			.reply(Count.class, (total, count) -> total)
			.on(Close.class, (total, close) -> 0L)
			.reply(Close.class, (total, close) -> "closed");
		HandlerTable table = HandlerScanner.tableFor(counter);
		assertThat(table.handlers).hasSize(3);
		assertThat(table.handles(Deposit.class)).isTrue();
		assertThat(table.handles(Count.class)).isTrue();
		assertThat(table.handles(Close.class)).isTrue();
		for (int i = 0; i < table.handlers.length; i++) {
			assertThat(table.handlers[i].index).isEqualTo(i);
			assertThat(table.handlers[i].table()).isSameAs(table);
		}
	}

	@Test
	void reducersOfOneClassGetTablesOfTheirOwnTypes() {
		HandlerTable deposits = HandlerScanner
			.tableFor(Reducer.initial(0L).on(Deposit.class, (total, deposit) -> total));
		HandlerTable withdrawals = HandlerScanner
			.tableFor(Reducer.initial(0L).on(Withdraw.class, (total, withdraw) -> total));
		assertThat(deposits.handles(Deposit.class)).isTrue();
		assertThat(deposits.handles(Withdraw.class)).isFalse();
		assertThat(withdrawals.handles(Withdraw.class)).isTrue();
		assertThat(withdrawals.handles(Deposit.class)).isFalse();
	}

	@Test
	void aReducersHandlersCallItsFunctionsAndReturnTheReply() throws Throwable {
		Reducer<Long> counter = Reducer.initial(0L)
			.on(Deposit.class, (total, deposit) -> total + deposit.amount())
			.reply(Count.class, (total, count) -> total)
			.on(Close.class, (total, close) -> 0L)
			.reply(Close.class, (total, close) -> "closed at " + total);
		HandlerTable table = HandlerScanner.tableFor(counter);
		assertThat(handler(table, Deposit.class).invoke(counter, new Context(), new Deposit(5))).isNull();
		assertThat(counter.state()).isEqualTo(5L);
		assertThat(handler(table, Count.class).invoke(counter, new Context(), new Count(0))).isEqualTo(5L);
		assertThat(handler(table, Close.class).invoke(counter, new Context(), new Close())).isEqualTo("closed at 0");
		assertThat(counter.state()).isEqualTo(0L);
	}

	@Test
	void aReducersHandlersAreSynchronousTakeAnyContextAndDescribeTheDispatch() {
		HandlerTable table = HandlerScanner.tableFor(Reducer.initial(0L).on(Deposit.class, (total, deposit) -> total));
		Handler handler = handler(table, Deposit.class);
		assertThat(handler.async).isFalse();
		assertThat(handler.contextType).isEqualTo(Context.class);
		assertThat(handler.messageName).isEqualTo("Deposit");
		assertThat(handler.describe()).isEqualTo("Reducer.dispatch");
	}

	@Test
	void aReducerOfANonConcreteMessageTypeIsRefused() {
		Reducer<Long> anything = Reducer.initial(0L).on(Message.class, (total, message) -> total);
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(anything))
			.withMessageContaining(
					"Reducer for Message takes io.libactors.Message, which is not a concrete Message type.");
		Reducer<Long> commands = Reducer.initial(0L).on(PlainCommand.class, (total, command) -> total);
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> HandlerScanner.tableFor(commands))
			.withMessageContaining("takes the interface PlainCommand, which has no @JsonTypeInfo");
	}

	// ---- Handler

	@Test
	void invokeCallsTheMethodWithTheMessageAndReturnsNullForVoid() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Recorder.class);
		Recorder recorder = new Recorder();
		Deposit deposit = new Deposit(10);
		assertThat(handler(table, Deposit.class).invoke(recorder, new Context(), deposit)).isNull();
		assertThat(recorder.received).containsExactly(deposit);
	}

	@Test
	void invokePassesTheContextAndReturnsTheMethodsResult() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Recorder.class);
		Recorder recorder = new Recorder();
		Context context = new Context();
		assertThat(handler(table, Withdraw.class).invoke(recorder, context, new Withdraw(4))).isEqualTo("withdrew 4");
		assertThat(recorder.context).isSameAs(context);
		assertThat(recorder.received).containsExactly(new Withdraw(4));
	}

	@Test
	void invokeCallsAPrivateHandler() throws Throwable {
		HandlerTable table = HandlerScanner.tableFor(Recorder.class);
		assertThat(handler(table, Greeting.class).invoke(new Recorder(), new Context(), new Greeting("bo")))
			.isEqualTo("private hello bo");
	}

	@Test
	void anExceptionFromTheMethodPropagatesFromInvokeUnwrapped() {
		HandlerTable table = HandlerScanner.tableFor(Recorder.class);
		Handler handler = handler(table, Close.class);
		assertThatIllegalStateException().isThrownBy(() -> handler.invoke(new Recorder(), new Context(), new Close()))
			.withMessage("closed for the day");
	}

	@Test
	void describeNamesTheDeclaringClassAndTheMethod() {
		HandlerTable table = HandlerScanner.tableFor(Derived.class);
		assertThat(handler(table, Withdraw.class).describe()).isEqualTo("Derived.onWithdraw");
		assertThat(handler(table, Close.class).describe()).isEqualTo("Derived.onClose");
		assertThat(handler(table, Deposit.class).describe()).isEqualTo("Base.onDeposit");
		assertThat(handler(table, Greeting.class).describe()).isEqualTo("Greets.onGreeting");
		assertThat(handler(table, Withdraw.class).messageName).isEqualTo("Withdraw");
	}

}
