package io.libactors.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In a synchronous kit a handler has run, and what it sent has arrived, when the send returns. */
class SynchronousKitTests {

	private final ActorTestKit kit = ActorTestKit.synchronous();

	@AfterEach
	void close() {
		this.kit.close();
	}

	record Deposit(long amount, String receipts) implements Message {
	}

	record Balance(long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	record Interest() implements Message {
	}

	static class Account implements Actor {

		long balance;

		@Override
		public void initialize(Context context) {
			context.timers().schedule("interest", new Interest(), Schedule.every(Duration.ofDays(30)));
		}

		@MessageHandler
		void onDeposit(Context context, Deposit deposit) {
			this.balance += deposit.amount();
			context.proxy(deposit.receipts()).tell(new Balance(this.balance));
		}

		@MessageHandler
		long onGetBalance(GetBalance request) {
			return this.balance;
		}

		@MessageHandler
		void onInterest(Interest interest) {
			this.balance += this.balance / 100;
		}

	}

	@Test
	void aTellReturnsAfterTheHandlerAndWhatItSentHaveRun() {
		TestProbe probe = this.kit.createProbe();
		Account account = new Account();
		ActorProxy<Account> proxy = this.kit.core().createActor("account", account);
		proxy.tell(new Deposit(1_000, probe.proxy().name()));
		assertThat(account.balance).isEqualTo(1_000);
		assertThat(probe.receivedMessages()).containsExactly(new Balance(1_000));
	}

	@Test
	void anAskReturnsAnAnsweredFutureAndAClockMoveReturnsAfterTheTicksWereHandled() {
		ActorProxy<Account> proxy = this.kit.core().createActor("account", new Account());
		proxy.tell(new Deposit(1_000, this.kit.createProbe().proxy().name()));
		this.kit.clock().advance(Duration.ofDays(60));
		CompletableFuture<Long> balance = proxy.ask(new GetBalance(), Long.class);
		assertThat(balance).isCompletedWithValue(1_020L);
	}

}
