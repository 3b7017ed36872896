package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Races at an actor's end, counted exactly: every message is handled or a dead letter, once. */
class RaceAndAccountingTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(10));
	}

	record Item(int n) implements Message {
	}

	static class Counter implements Actor {

		final AtomicLong handled;

		final AtomicInteger shutdowns;

		Counter(AtomicLong handled, AtomicInteger shutdowns) {
			this.handled = handled;
			this.shutdowns = shutdowns;
		}

		@MessageHandler
		void onItem(Item item) {
			this.handled.incrementAndGet();
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.shutdowns.incrementAndGet();
		}

	}

	@Test
	void tellRacingStopFromManyThreadsIsHandledOrDeadLetteredExactlyOnce() throws Exception {
		AtomicLong handled = new AtomicLong();
		AtomicInteger shutdowns = new AtomicInteger();
		for (int round = 0; round < 200; round++) {
			ActorProxy<Counter> counter = this.core.createActor("racer-" + round,
					new Counter(handled, shutdowns));
			DeliveryStressTests.runSenders(4, (sender) -> {
				if (sender == 3) {
					counter.stop();
					counter.stop();
					return;
				}
				for (int n = 0; n < 100; n++) {
					counter.tell(new Item(n));
				}
			});
			counter.stop().get(30, TimeUnit.SECONDS);
		}
		// A tell that linked its node after the end's drain is dead-lettered by one more turn,
		// which may come after the stop's future completed.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				handled.get() + this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(200L * 3 * 100));
		assertThat(shutdowns.get()).as("one ShutdownMessage per actor, however often stop is called")
			.isEqualTo(200);
	}

	@Test
	void tellsToAStoppedActorBecomeExactlyThatManyDeadLettersWithTheirReason() throws Exception {
		List<DeadLetter> seen = new CopyOnWriteArrayList<>();
		this.core.createActor("watcher", new DeadLetterWatcher(seen));
		ActorProxy<Counter> counter = this.core.createActor("gone", new Counter(new AtomicLong(), new AtomicInteger()));
		counter.stop().get(30, TimeUnit.SECONDS);
		for (int n = 0; n < 10_000; n++) {
			counter.tell(new Item(n));
		}
		assertThat(this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(10_000);
		await().until(() -> seen.size() == 10_000);
		assertThat(seen).allSatisfy((letter) -> {
			assertThat(letter.reason()).isEqualTo(DeadLetter.STOPPED);
			assertThat(letter.envelope().receiver()).isEqualTo("gone");
			assertThat(letter.envelope().message()).isInstanceOf(Item.class);
		});
	}

	static class DeadLetterWatcher implements Actor {

		final List<DeadLetter> seen;

		DeadLetterWatcher(List<DeadLetter> seen) {
			this.seen = seen;
		}

		@MessageHandler
		void onDeadLetter(DeadLetter letter) {
			this.seen.add(letter);
		}

	}

	record Interrupt(boolean self) implements Message {
	}

	static class Interrupted implements Actor {

		final AtomicInteger clean = new AtomicInteger();

		@MessageHandler
		void onInterrupt(Interrupt interrupt) throws InterruptedException {
			if (interrupt.self()) {
				Thread.currentThread().interrupt();
				throw new InterruptedException("handler gave up");
			}
			if (!Thread.currentThread().isInterrupted()) {
				this.clean.incrementAndGet();
			}
		}

	}

	@Test
	void aHandlerThatInterruptsItsThreadLeavesTheNextMessagesAClearFlag() {
		Interrupted actor = new Interrupted();
		ActorProxy<Interrupted> proxy = this.core.createActor("interrupted", actor);
		for (int n = 0; n < 1_000; n++) {
			proxy.tell(new Interrupt(n % 10 == 0));
		}
		await().until(() -> actor.clean.get() == 900);
		assertThat(proxy.isAlive()).isTrue();
	}

}
