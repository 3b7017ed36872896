package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One message at a time, FIFO per sender, nothing lost: hammered from many threads and counted
 * exactly.
 */
class DeliveryStressTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(10));
	}

	record Numbered(int sender, int sequence) implements Message {
	}

	record Report() implements Message {
	}

	record Result(long received, long orderViolations, long overlaps, long plainCounter) {
	}

	/** Checks order per sender and that no two handlers ever overlap; its fields are plain. */
	static class OrderChecker implements Actor {

		private final int[] next;

		private final AtomicInteger inside = new AtomicInteger();

		private long received;

		private long orderViolations;

		private long overlaps;

		private long plainCounter;

		OrderChecker(int senders) {
			this.next = new int[senders];
		}

		@MessageHandler
		void onNumbered(Numbered message) {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps++;
			}
			if (this.next[message.sender()] != message.sequence()) {
				this.orderViolations++;
			}
			this.next[message.sender()] = message.sequence() + 1;
			this.received++;
			this.plainCounter++;
			this.inside.decrementAndGet();
		}

		@MessageHandler
		Result onReport(Report report) {
			return new Result(this.received, this.orderViolations, this.overlaps, this.plainCounter);
		}

	}

	@Test
	void tellFromManySendersLosesNothingAndKeepsEachSendersOrder() throws Exception {
		// 16 x 50,000 on every build; 64 x 100,000 with -Pstress.
		boolean stress = Boolean.getBoolean("actors.stress");
		int senders = stress ? 64 : 16;
		int perSender = stress ? 100_000 : 50_000;
		ActorProxy<OrderChecker> checker = this.core.createActor("checker", new OrderChecker(senders));
		runSenders(senders, (sender) -> {
			for (int i = 0; i < perSender; i++) {
				checker.tell(new Numbered(sender, i));
			}
		});
		Result result = checker.ask(new Report(), Result.class, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
		assertThat(result).isEqualTo(new Result((long) senders * perSender, 0, 0, (long) senders * perSender));
		assertThat(this.core.deadLetterCount()).isZero();
		assertThat(checker.mailboxSize()).isZero();
	}

	@Test
	void oneActorNeverRunsTwoHandlersAtOnceAcrossTurns() throws Exception {
		Core smallTurns = Core.builder().throughput(1).build();
		try {
			ActorProxy<OrderChecker> checker = smallTurns.createActor("checker", new OrderChecker(8));
			runSenders(8, (sender) -> {
				for (int i = 0; i < 25_000; i++) {
					checker.tell(new Numbered(sender, i));
				}
			});
			Result result = checker.ask(new Report(), Result.class, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
			assertThat(result).isEqualTo(new Result(200_000, 0, 0, 200_000));
		}
		finally {
			smallTurns.shutdown(Duration.ofSeconds(5));
		}
	}

	static class Counter implements Actor {

		private final AtomicLong total;

		private int count;

		Counter(AtomicLong total) {
			this.total = total;
		}

		@MessageHandler
		void onNumbered(Numbered message) {
			this.count++;
			this.total.incrementAndGet();
		}

		@MessageHandler
		int onReport(Report report) {
			return this.count;
		}

	}

	@Test
	void fanOutToManyActorsDeliversExactlyToEach() throws Exception {
		int actors = 1_000;
		int perActor = 1_000;
		AtomicLong total = new AtomicLong();
		List<ActorProxy<Counter>> counters = new ArrayList<>();
		for (int i = 0; i < actors; i++) {
			counters.add(this.core.createActor("counter-" + i, new Counter(total)));
		}
		int threads = 8;
		runSenders(threads, (sender) -> {
			for (int round = 0; round < perActor / threads; round++) {
				for (ActorProxy<Counter> counter : counters) {
					counter.tell(new Numbered(sender, round));
				}
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> total.get() == (long) actors * perActor);
		for (ActorProxy<Counter> counter : counters) {
			assertThat(counter.ask(new Report(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(perActor);
		}
	}

	record Ping(int remaining) implements Message {
	}

	static class Player implements Actor {

		private final CountDownLatch done;

		private final ActorProxy<?> partner;

		Player(CountDownLatch done, ActorProxy<?> partner) {
			this.done = done;
			this.partner = partner;
		}

		@MessageHandler
		void onPing(Ping ping) {
			if (ping.remaining() == 0) {
				this.done.countDown();
				return;
			}
			this.partner.tell(new Ping(ping.remaining() - 1));
		}

	}

	@Test
	void pingPongWithTurnsOfOneMessageNeverHangs() throws Exception {
		Core smallTurns = Core.builder().throughput(1).build();
		try {
			CountDownLatch done = new CountDownLatch(1);
			ActorProxy<Player> ping = smallTurns.createActor("ping", new Player(done, smallTurns.proxy("pong")));
			smallTurns.createActor("pong", new Player(done, ping));
			ping.tell(new Ping(1_000_000));
			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
			assertThat(smallTurns.deadLetterCount()).isZero();
		}
		finally {
			smallTurns.shutdown(Duration.ofSeconds(5));
		}
	}

	interface Sender {

		void send(int sender) throws Exception;

	}

	static void runSenders(int count, Sender body) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int i = 0; i < count; i++) {
			int sender = i;
			Thread thread = new Thread(() -> {
				try {
					start.await();
					body.send(sender);
				}
				catch (Throwable ex) {
					errors.add(ex);
				}
			});
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(errors).isEmpty();
	}

}
