package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShutdownTests {

	record Work(int n) implements Message {
	}

	/** Records what it handled; its last entry must be the shutdown. */
	static class Worker implements Actor {

		final List<Object> handled = new ArrayList<>();

		final AtomicLong total;

		final long pauseNanos;

		Worker(AtomicLong total, long pauseNanos) {
			this.total = total;
			this.pauseNanos = pauseNanos;
		}

		@MessageHandler
		void onWork(Work work) {
			if (this.pauseNanos > 0) {
				long until = System.nanoTime() + this.pauseNanos;
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
			}
			this.handled.add(work.n());
			this.total.incrementAndGet();
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.handled.add("shutdown");
		}

	}

	@Test
	void shutdownDrainsEveryQueuedMessageThenSendsShutdownOnce() {
		Core core = Core.create();
		AtomicLong total = new AtomicLong();
		List<Worker> workers = new ArrayList<>();
		List<ActorProxy<Worker>> proxies = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Worker worker = new Worker(total, 0);
			workers.add(worker);
			proxies.add(core.createActor("worker-" + i, worker));
		}
		for (int n = 0; n < 10_000; n++) {
			for (ActorProxy<Worker> proxy : proxies) {
				proxy.tell(new Work(n));
			}
		}
		assertThat(core.shutdown(Duration.ofSeconds(30))).isTrue();
		assertThat(total.get()).isEqualTo(100_000);
		assertThat(core.deadLetterCount()).isZero();
		for (Worker worker : workers) {
			assertThat(worker.handled).hasSize(10_001);
			assertThat(worker.handled.get(10_000)).isEqualTo("shutdown");
			assertThat(worker.handled.subList(0, 10_000)).isSorted();
		}
	}

	@Test
	void shutdownTimeoutAccountsForEveryMessage() {
		Core core = Core.create();
		AtomicLong total = new AtomicLong();
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Worker worker = new Worker(total, 1_000_000);
			workers.add(worker);
			ActorProxy<Worker> proxy = core.createActor("slow-" + i, worker);
			for (int n = 0; n < 5_000; n++) {
				proxy.tell(new Work(n));
			}
		}
		long started = System.nanoTime();
		List<String> warnings;
		try (LogCapture log = new LogCapture()) {
			assertThat(core.shutdown(Duration.ofMillis(500))).isFalse();
			warnings = log.lines(Level.WARN);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(warnings).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("Actors did not stop within PT0.5S: still-queued "
					+ "messages became dead letters (SHUTDOWN_TIMEOUT): ")
				.contains("slow-0=", "slow-1=", "slow-2=", "slow-3="));
		long timedOut = core.deadLetterCount(DeadLetter.SHUTDOWN_TIMEOUT);
		assertThat(timedOut).isPositive();
		assertThat(total.get() + timedOut).isEqualTo(20_000);
		for (Worker worker : workers) {
			assertThat(worker.handled).last().isEqualTo("shutdown");
			assertThat(worker.handled.stream().filter("shutdown"::equals)).hasSize(1);
		}
	}

	@Test
	void shutdownIsIdempotentAndRefusesNewMailAndActors() throws Exception {
		Core core = Core.create();
		ActorProxy<Worker> worker = core.createActor("worker", new Worker(new AtomicLong(), 0));
		assertThat(core.shutdown(Duration.ofSeconds(5))).isTrue();
		assertThat(core.shutdown(Duration.ofSeconds(5))).isTrue();
		worker.tell(new Work(1));
		assertThat(core.deadLetterCount(DeadLetter.SHUTTING_DOWN)).isEqualTo(1);
		assertThatExceptionOfType(ActorException.class)
			.isThrownBy(() -> core.createActor("late", new Worker(new AtomicLong(), 0)))
			.withMessageContaining("shutting down");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> worker.ask(new Work(2), Void.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(UndeliverableMessageException.class);
	}

	record Hop(int n) implements Message {
	}

	/** Passes each message to the next link; the last one counts. */
	static class Link implements Actor {

		private final ActorProxy<?> next;

		private final AtomicLong arrived;

		Link(ActorProxy<?> next, AtomicLong arrived) {
			this.next = next;
			this.arrived = arrived;
		}

		@MessageHandler
		void onHop(Hop hop) {
			if (this.next == null) {
				this.arrived.incrementAndGet();
			}
			else {
				this.next.tell(hop);
			}
		}

	}

	@Test
	void messagesActorsSendEachOtherWhileDrainingStillArrive() {
		Core core = Core.create();
		AtomicLong arrived = new AtomicLong();
		ActorProxy<?> next = core.createActor("link-9", new Link(null, arrived));
		for (int i = 8; i >= 0; i--) {
			next = core.createActor("link-" + i, new Link(next, arrived));
		}
		for (int n = 0; n < 10_000; n++) {
			next.tell(new Hop(n));
		}
		assertThat(core.shutdown(Duration.ofSeconds(30))).isTrue();
		assertThat(arrived.get()).isEqualTo(10_000);
		assertThat(core.deadLetterCount()).isZero();
	}

	@Test
	void stoppingAParentStopsItsChildrenFirst() throws Exception {
		Core core = Core.create();
		List<String> stopped = new CopyOnWriteArrayList<>();
		CountDownLatch created = new CountDownLatch(1);
		class Child implements Actor {

			@MessageHandler
			void onShutdown(Context context, ShutdownMessage shutdown) {
				stopped.add(context.name());
			}

		}
		ActorProxy<Actor> parent = core.createActor("parent", new Actor() {
			@Override
			public void initialize(Context context) {
				context.createActor("child-1", new Child());
				context.createActor("child-2", new Child());
				created.countDown();
			}

			@MessageHandler
			void onShutdown(ShutdownMessage shutdown) {
				stopped.add("parent");
			}
		});
		assertThat(created.await(5, TimeUnit.SECONDS)).isTrue();
		parent.stop().get(30, TimeUnit.SECONDS);
		assertThat(stopped).hasSize(3).endsWith("parent").contains("child-1", "child-2");
		assertThat(core.find("child-1")).isEmpty();
		core.shutdown(Duration.ofSeconds(5));
	}

}
