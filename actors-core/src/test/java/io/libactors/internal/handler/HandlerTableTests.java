package io.libactors.internal.handler;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Reducer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler table maps a message class to its handler: its own type first, else its nearest handled
 * superclass, else the first handled interface found breadth-first in declaration order; it knows
 * its actor class, whether that class initializes, and its handlers by index.
 */
class HandlerTableTests {

	record Deposit(long amount) implements Message {
	}

	record Withdraw(long amount) implements Message {
	}

	record Unhandled() implements Message {
	}

	/** Message classes: Event, Transfer extends Event, WireTransfer extends Transfer, Refund extends Event. */
	static class Event implements Message {
	}

	static class Transfer extends Event {
	}

	static final class WireTransfer extends Transfer {
	}

	static final class Refund extends Event {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	interface Command extends Message {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	interface Audited extends Message {
	}

	/** Not handled itself: only through its superinterface Command. */
	interface Urgent extends Command {
	}

	record Open() implements Command {
	}

	record AuditedCommand() implements Audited, Command {
	}

	record CommandAudited() implements Command, Audited {
	}

	record UrgentAudited() implements Urgent, Audited {
	}

	/** Both a handled class (through Transfer) and a handled interface (Audited, declared here). */
	static final class AuditedTransfer extends Transfer implements Audited {
	}

	static class Teller implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

		@MessageHandler
		void onWithdraw(Withdraw withdraw) {
		}

		@MessageHandler
		void onEvent(Event event) {
		}

		@MessageHandler
		void onTransfer(Transfer transfer) {
		}

		@MessageHandler
		void onCommand(Command command) {
		}

		@MessageHandler
		void onAudited(Audited audited) {
		}

	}

	static class Plain implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

	}

	static class Initializing implements Actor {

		@Override
		public void initialize(Context context) {
		}

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

	}

	static class InheritsInitialize extends Initializing {

	}

	static class Silent implements Actor {

	}

	private final HandlerTable table = HandlerScanner.tableFor(Teller.class);

	/** The message type of the handler the table finds for {@code messageClass}, or null if none. */
	private static @Nullable Class<?> handledAs(HandlerTable table, Class<?> messageClass) {
		Handler handler = table.find(messageClass);
		return (handler != null) ? handler.messageType : null;
	}

	@Test
	void anExactlyHandledTypeFindsItsOwnHandler() {
		for (Class<?> type : List.of(Deposit.class, Withdraw.class, Event.class, Transfer.class, Command.class,
				Audited.class)) {
			assertThat(handledAs(this.table, type)).as("handler of %s", type.getSimpleName()).isEqualTo(type);
			assertThat(this.table.handles(type)).as("handles %s", type.getSimpleName()).isTrue();
		}
		Handler deposit = this.table.find(Deposit.class);
		assertThat(deposit).isNotNull();
		assertThat(deposit.method.getName()).isEqualTo("onDeposit");
	}

	@Test
	void aSubclassIsHandledByTheHandlerOfItsNearestHandledSuperclass() {
		assertThat(handledAs(this.table, WireTransfer.class)).isEqualTo(Transfer.class);
		assertThat(handledAs(this.table, Refund.class)).isEqualTo(Event.class);
	}

	@Test
	void aTypeImplementingAHandledInterfaceIsHandledByTheHandlerOfThatInterface() {
		assertThat(handledAs(this.table, Open.class)).isEqualTo(Command.class);
		assertThat(handledAs(this.table, Urgent.class)).isEqualTo(Command.class);
	}

	@Test
	void aHandledSuperclassWinsOverAHandledInterfaceTheMessageClassDeclaresItself() {
		assertThat(handledAs(this.table, AuditedTransfer.class)).isEqualTo(Transfer.class);
	}

	@Test
	void ofTwoHandledInterfacesTheOneDeclaredFirstWins() {
		assertThat(handledAs(this.table, AuditedCommand.class)).isEqualTo(Audited.class);
		assertThat(handledAs(this.table, CommandAudited.class)).isEqualTo(Command.class);
	}

	@Test
	void interfacesAreSearchedBreadthFirstSoADirectlyImplementedOneWinsOverOneInheritedThroughAnother() {
		// UrgentAudited implements Urgent (not handled, extends Command), then Audited
		assertThat(handledAs(this.table, UrgentAudited.class)).isEqualTo(Audited.class);
	}

	@Test
	void aResolvedSubtypeFindsTheSameHandlerOnEveryLookup() {
		Handler first = this.table.find(WireTransfer.class);
		Handler second = this.table.find(WireTransfer.class);
		assertThat(first).isNotNull().isSameAs(second).isSameAs(this.table.find(Transfer.class));
		Handler firstOfTwoInterfaces = this.table.find(AuditedCommand.class);
		assertThat(this.table.find(AuditedCommand.class)).isNotNull().isSameAs(firstOfTwoInterfaces);
	}

	@Test
	void aTypeWithNoHandledSupertypeFindsNothingOnEveryLookup() {
		assertThat(this.table.find(Unhandled.class)).isNull();
		assertThat(this.table.find(Unhandled.class)).isNull();
		assertThat(this.table.find(String.class)).isNull();
		assertThat(this.table.handles(Unhandled.class)).isFalse();
		assertThat(this.table.handles(String.class)).isFalse();
	}

	@Test
	void handlesIsTrueOnlyForAnExactlyHandledTypeNotForASubtypeItResolves() {
		assertThat(this.table.find(WireTransfer.class)).isNotNull();
		assertThat(this.table.handles(WireTransfer.class)).isFalse();
		assertThat(this.table.find(Open.class)).isNotNull();
		assertThat(this.table.handles(Open.class)).isFalse();
		assertThat(this.table.handles(Transfer.class)).isTrue();
	}

	@Test
	void initializesOnlyWhenTheActorClassOverridesInitialize() {
		assertThat(HandlerScanner.tableFor(Plain.class).initializes).isFalse();
		assertThat(HandlerScanner.tableFor(Initializing.class).initializes).isTrue();
		assertThat(HandlerScanner.tableFor(InheritsInitialize.class).initializes).isTrue();
	}

	@Test
	void aReducersTableBelongsToTheReducerClassAndOwesNoInitialize() {
		HandlerTable reducer = HandlerScanner
			.tableFor(Reducer.initial(0L).on(Deposit.class, (total, deposit) -> total + deposit.amount()));
		assertThat(reducer.actorClass).isEqualTo(Reducer.class);
		assertThat(reducer.initializes).isFalse();
		assertThat(handledAs(reducer, Deposit.class)).isEqualTo(Deposit.class);
	}

	@Test
	void eachHandlerSitsInTheHandlersArrayAtItsOwnIndex() {
		assertThat(this.table.handlers).hasSize(6);
		List<Class<?>> types = new ArrayList<>();
		for (int i = 0; i < this.table.handlers.length; i++) {
			Handler handler = this.table.handlers[i];
			assertThat(handler.index).isEqualTo(i);
			assertThat(this.table.find(handler.messageType)).isSameAs(handler);
			types.add(handler.messageType);
		}
		assertThat(types).containsExactlyInAnyOrder(Deposit.class, Withdraw.class, Event.class, Transfer.class,
				Command.class, Audited.class);
	}

	@Test
	void eachHandlerBelongsToItsTable() {
		for (Handler handler : this.table.handlers) {
			assertThat(handler.table()).isSameAs(this.table);
		}
	}

	@Test
	void theTableNamesItsActorClass() {
		assertThat(this.table.actorClass).isEqualTo(Teller.class);
		assertThat(HandlerScanner.tableFor(Plain.class).actorClass).isEqualTo(Plain.class);
	}

	@Test
	void anActorWithoutHandlersHasAnEmptyTableThatFindsNothing() {
		HandlerTable silent = HandlerScanner.tableFor(Silent.class);
		assertThat(silent.handlers).isEmpty();
		assertThat(silent.find(Deposit.class)).isNull();
		assertThat(silent.handles(Deposit.class)).isFalse();
	}

}
