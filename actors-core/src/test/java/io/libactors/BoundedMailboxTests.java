package io.libactors;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class BoundedMailboxTests {

	record Block() implements Message {
	}

	record Item(int n) implements Message {
	}

	static class Blocked implements Actor {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicLong handled = new AtomicLong();

		@MessageHandler
		void onBlock(Block block) throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onItem(Item item) {
			this.handled.incrementAndGet();
		}

	}

	@Test
	void aFullMailboxRefusesExactlyTheOverflowAndNeverHoldsMoreThanItsCapacity() throws Exception {
		Core core = Core.builder().mailboxCapacity(10_000).build();
		Blocked actor = new Blocked();
		ActorProxy<Blocked> proxy = core.createActor("blocked", actor);
		proxy.tell(new Block());
		await().until(() -> core.longRunning(Duration.ZERO).containsKey("blocked"));
		AtomicLong refused = new AtomicLong();
		AtomicInteger largest = new AtomicInteger();
		AtomicBoolean sending = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sending.get()) {
				largest.accumulateAndGet(proxy.mailboxSize(), Math::max);
			}
		});
		sampler.start();
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int n = 0; n < 250_000; n++) {
				try {
					proxy.tell(new Item(n));
				}
				catch (MailboxFullException ex) {
					refused.incrementAndGet();
				}
			}
		});
		sending.set(false);
		sampler.join();
		assertThat(refused.get()).isEqualTo(990_000);
		assertThat(core.deadLetterCount(DeadLetter.MAILBOX_FULL)).isEqualTo(990_000);
		assertThat(largest.get()).isLessThanOrEqualTo(10_000);
		assertThat(proxy.mailboxSize()).isEqualTo(10_000);
		actor.release.countDown();
		await().until(() -> actor.handled.get() == 10_000);
		assertThat(core.shutdown(Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void theRefusalNamesTheActorTheCapacityAndTheMessageType() {
		Core core = Core.builder().mailboxCapacity(1).build();
		Blocked actor = new Blocked();
		ActorProxy<Blocked> proxy = core.createActor("tiny", actor);
		proxy.tell(new Block());
		await().until(() -> core.longRunning(Duration.ZERO).containsKey("tiny"));
		proxy.tell(new Item(1));
		assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> proxy.tell(new Item(2)))
			.withMessageContaining("'tiny'")
			.withMessageContaining("1 messages")
			.withMessageContaining("Item");
		actor.release.countDown();
		core.shutdown(Duration.ofSeconds(10));
	}

}
