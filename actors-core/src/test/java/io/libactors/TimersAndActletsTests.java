package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class TimersAndActletsTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Tick(int timer) implements Message {
	}

	record Start() implements Message {
	}

	record Cancel() implements Message {
	}

	record Active() implements Message {
	}

	static class Ticking implements Actor {

		final AtomicInteger ticks = new AtomicInteger();

		final AtomicInteger inside = new AtomicInteger();

		final AtomicInteger overlaps = new AtomicInteger();

		final List<Integer> timers = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onStart(Context context, Start start) {
			context.timers().startPeriodic("tick", Duration.ofMillis(5), new Tick(1));
		}

		@MessageHandler
		void onTick(Context context, Tick tick) {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps.incrementAndGet();
			}
			assertThat(context.sender()).isEmpty();
			this.timers.add(tick.timer());
			this.ticks.incrementAndGet();
			this.inside.decrementAndGet();
		}

		@MessageHandler
		void onCancel(Context context, Cancel cancel) {
			context.timers().cancel("tick");
		}

		@MessageHandler
		boolean onActive(Context context, Active active) {
			return context.timers().isActive("tick");
		}

	}

	@Test
	void periodicTimerTicksInTheActorsTurnUntilCancelled() throws Exception {
		Ticking ticking = new Ticking();
		ActorProxy<Ticking> actor = this.core.createActor("ticking", ticking);
		actor.tell(new Start());
		await().atMost(Duration.ofSeconds(30)).until(() -> ticking.ticks.get() >= 20);
		assertThat(actor.ask(new Active(), Boolean.class).get(30, TimeUnit.SECONDS)).isTrue();
		actor.ask(new Cancel(), Void.class).get(30, TimeUnit.SECONDS);
		int afterCancel = ticking.ticks.get();
		assertThat(actor.ask(new Active(), Boolean.class).get(30, TimeUnit.SECONDS)).isFalse();
		// A second periodic timer proves time passes; the cancelled one must add nothing.
		CountDownLatch later = new CountDownLatch(1);
		this.core.createActor("clock", new Actor() {
			@Override
			public void initialize(Context context) {
				context.timers().startSingle("later", Duration.ofMillis(100), new Tick(2));
			}

			@MessageHandler
			void onTick(Tick tick) {
				later.countDown();
			}
		});
		assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ticking.ticks.get()).isEqualTo(afterCancel);
		assertThat(ticking.overlaps.get()).isZero();
	}

	static class Replacing implements Actor {

		final List<Integer> ticks = new CopyOnWriteArrayList<>();

		@Override
		public void initialize(Context context) {
			context.timers().startSingle("once", Duration.ZERO, new Tick(1));
			// Replacing the key at once: the first tick may already be queued, and must be dropped.
			context.timers().startSingle("once", Duration.ofMillis(20), new Tick(2));
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.ticks.add(tick.timer());
		}

	}

	@Test
	void restartedTimerDropsStaleTick() {
		for (int i = 0; i < 50; i++) {
			Replacing replacing = new Replacing();
			this.core.createActor("replacing-" + i, replacing);
			await().atMost(Duration.ofSeconds(30)).until(() -> !replacing.ticks.isEmpty());
			assertThat(replacing.ticks).containsExactly(2);
		}
	}

	@Test
	void stoppedActorGetsNoTickAndNewTimersAreRefusedAfterClose() throws Exception {
		Ticking ticking = new Ticking();
		ActorProxy<Ticking> actor = this.core.createActor("ticking", ticking);
		actor.tell(new Start());
		await().atMost(Duration.ofSeconds(30)).until(() -> ticking.ticks.get() >= 3);
		actor.stop().get(30, TimeUnit.SECONDS);
		int atStop = ticking.ticks.get();
		Ticking other = new Ticking();
		ActorProxy<Ticking> second = this.core.createActor("second", other);
		second.tell(new Start());
		await().atMost(Duration.ofSeconds(30)).until(() -> other.ticks.get() >= 10);
		assertThat(ticking.ticks.get()).isEqualTo(atStop);
		this.core.closeTimers();
		int closed = other.ticks.get();
		assertThat(second.ask(new Active(), Boolean.class).get(30, TimeUnit.SECONDS)).isFalse();
		assertThat(other.ticks.get()).isLessThanOrEqualTo(closed + 1);
	}

	record Fetch(String what) implements Message {
	}

	record Fetched(String value) implements Message {
	}

	record Results() implements Message {
	}

	static class Fetcher implements Actor {

		final List<String> results = new CopyOnWriteArrayList<>();

		final List<ActletFailed> failures = new CopyOnWriteArrayList<>();

		@MessageHandler
		String onFetch(Context context, Fetch fetch) {
			String what = fetch.what();
			return context.actlet(() -> {
				if (what.equals("fail")) {
					throw new IllegalStateException("unreachable");
				}
				assertThatExceptionOfType(IllegalStateException.class).isThrownBy(context::name);
				return new Fetched("got " + what);
			});
		}

		@MessageHandler
		void onFetched(Context context, Fetched fetched) {
			assertThat(context.sender()).isEmpty();
			this.results.add(fetched.value());
		}

		@MessageHandler
		void onFailed(ActletFailed failed) {
			this.failures.add(failed);
		}

	}

	@Test
	void actletResultsAndFailuresComeBackAsMessages() throws Exception {
		Fetcher fetcher = new Fetcher();
		ActorProxy<Fetcher> actor = this.core.createActor("fetcher", fetcher);
		for (int i = 0; i < 100; i++) {
			actor.tell(new Fetch("item-" + i));
		}
		String failingId = actor.ask(new Fetch("fail"), String.class).get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> fetcher.results.size() == 100 && fetcher.failures.size() == 1);
		assertThat(failingId).startsWith("fetcher#actlet-");
		assertThat(fetcher.failures.get(0)).isEqualTo(
				new ActletFailed(failingId, IllegalStateException.class.getName(), "unreachable"));
	}


	record StartWork(int actlets) implements Message {
	}

	record WorkDone(int n) implements Message {
	}

	/**
	 * Starts actlets that wait for a release: half give up when interrupted, half ignore it.
	 * Both block rather than spin, so a busy machine still runs the threads the test waits for.
	 */
	static class Delegator implements Actor {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger finished = new AtomicInteger();

		@MessageHandler
		void onStartWork(Context context, StartWork start) {
			for (int i = 0; i < start.actlets(); i++) {
				int n = i;
				context.actlet(() -> {
					this.started.incrementAndGet();
					try {
						if (n % 2 == 0) {
							this.release.await();
						}
						else {
							awaitIgnoringInterrupts(this.release);
						}
						return new WorkDone(n);
					}
					finally {
						this.finished.incrementAndGet();
					}
				});
			}
		}

		@MessageHandler
		void onWorkDone(WorkDone done) {
			throw new IllegalStateException("no actlet result may arrive after its owner stopped");
		}

		/** Waits for the latch through any interrupt, and leaves the interrupt set, as a spin would. */
		private static void awaitIgnoringInterrupts(CountDownLatch latch) {
			boolean interrupted = false;
			for (;;) {
				try {
					latch.await();
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Test
	void actletsStillRunningAtStopAreCancelledAndCountedOnceEach() throws Exception {
		Duration patience = Duration.ofSeconds(60);
		Delegator delegator = new Delegator();
		ActorProxy<Delegator> actor = this.core.createActor("delegator", delegator);
		try {
			actor.ask(new StartWork(100), Void.class, patience).get(60, TimeUnit.SECONDS);
			await().atMost(patience).until(() -> delegator.started.get() == 100);
			actor.stop().get(60, TimeUnit.SECONDS);
		}
		finally {
			// Also on failure: no actlet thread may outlive the test.
			delegator.release.countDown();
		}
		await().atMost(patience).until(() -> delegator.finished.get() == 100);
		assertThat(this.core.droppedActletResults()).isEqualTo(100);
		assertThat(this.core.deadLetterCount()).isZero();
	}

}
