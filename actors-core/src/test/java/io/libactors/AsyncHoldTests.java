package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler's {@code CompletionStage} (or a stop waiting for children) holds the actor: once the
 * hold is registered, the turn that registered it never touches the actor again, so two turns
 * never overlap, whichever thread completes the stage and whenever.
 */
class AsyncHoldTests {

	record Work(int sender, int n) implements Message {
	}

	record Result(long handled, long overlaps) implements Message {
	}

	record Report() implements Message {
	}

	/** Replies through a stage completed on another pool; counts overlapping handlers. */
	static final class Replier implements Actor {

		private final ExecutorService completers;

		private final AtomicInteger inside = new AtomicInteger();

		private long handled;

		private long overlaps;

		Replier(ExecutorService completers) {
			this.completers = completers;
		}

		@MessageHandler
		CompletionStage<Integer> onWork(Work work) {
			enter();
			try {
				this.handled++;
				return CompletableFuture.supplyAsync(work::n, this.completers);
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

		@MessageHandler
		Result onReport(Report report) {
			enter();
			this.inside.decrementAndGet();
			return new Result(this.handled, this.overlaps);
		}

		private void enter() {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps++;
			}
		}

	}

	@Test
	void stagesCompletedOnOtherThreadsNeverLetTwoTurnsOverlapOnABusyMachine() throws Exception {
		// More dispatcher threads than cores and a CPU hog: a turn is preempted anywhere.
		ExecutorService dispatchers = Executors.newFixedThreadPool(32);
		ExecutorService completers = Executors.newFixedThreadPool(4);
		AtomicBoolean done = new AtomicBoolean();
		List<Thread> hogs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Thread hog = new Thread(() -> {
				while (!done.get()) {
					Thread.onSpinWait();
				}
			});
			hog.setDaemon(true);
			hog.start();
			hogs.add(hog);
		}
		Core core = Core.builder().executor(dispatchers).askTimeout(Duration.ofMinutes(2)).build();
		try {
			ActorProxy<Replier> replier = core.createActor("replier", new Replier(completers));
			int senders = 8;
			int asks = 2_000;
			AtomicLong wrongReplies = new AtomicLong();
			AtomicLong failedAsks = new AtomicLong();
			DeliveryStressTests.runSenders(senders, (sender) -> {
				List<CompletableFuture<Integer>> replies = new ArrayList<>(asks);
				for (int i = 0; i < asks; i++) {
					replies.add(replier.ask(new Work(sender, i), Integer.class));
				}
				for (int i = 0; i < asks; i++) {
					try {
						if (replies.get(i).get(2, TimeUnit.MINUTES) != i) {
							wrongReplies.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failedAsks.incrementAndGet();
					}
				}
			});
			Result result = replier.ask(new Report(), Result.class).get(2, TimeUnit.MINUTES);
			assertThat(result.overlaps()).isZero();
			assertThat(result.handled()).isEqualTo((long) senders * asks);
			assertThat(failedAsks).hasValue(0);
			assertThat(wrongReplies).hasValue(0);
		}
		finally {
			done.set(true);
			core.shutdown(Duration.ofSeconds(30));
			dispatchers.shutdownNow();
			completers.shutdownNow();
		}
	}

	record Fail() implements Message {
	}

	/**
	 * Stops on failure with a child, so the stop holds the actor until the child has stopped.
	 * Its {@code state()} is observed, and lets the child finish once asked for: if the turn that
	 * registered the hold went on to read the state, the next turn would end the actor meanwhile.
	 */
	static final class Parent implements StatefulActor<Integer> {

		final CountDownLatch childStopping = new CountDownLatch(1);

		final CountDownLatch childMayStop = new CountDownLatch(1);

		final CountDownLatch shutdownRan = new CountDownLatch(1);

		final AtomicBoolean overlapped = new AtomicBoolean();

		final AtomicBoolean failed = new AtomicBoolean();

		@Override
		public void initialize(Context context) {
			context.createActor("child", new Child(this.childStopping, this.childMayStop));
		}

		@MessageHandler
		void onFail(Fail fail) {
			this.failed.set(true);
			throw new IllegalStateException("fail");
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.shutdownRan.countDown();
		}

		@Override
		public Integer state() {
			if (this.failed.get()) {
				this.childMayStop.countDown();
				try {
					if (this.shutdownRan.await(10, TimeUnit.SECONDS)) {
						this.overlapped.set(true);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return 1;
		}

	}

	static final class Child implements Actor {

		private final CountDownLatch stopping;

		private final CountDownLatch mayStop;

		Child(CountDownLatch stopping, CountDownLatch mayStop) {
			this.stopping = stopping;
			this.mayStop = mayStop;
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) throws InterruptedException {
			this.stopping.countDown();
			this.mayStop.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onFail(Fail fail) {
		}

	}

	@Test
	void aStopThatWaitsForChildrenEndsTheTurnThatBeganIt() throws Exception {
		Core core = Core.create();
		try {
			Parent parent = new Parent();
			Supplier<Parent> once = () -> parent;
			ActorProxy<Parent> proxy = core.createActor("parent", once, Supervision.STOP);
			ObservableStateTests.Collector<Integer> states = new ObservableStateTests.Collector<>(Long.MAX_VALUE);
			proxy.states(Integer.class).subscribe(states);
			CompletableFuture<Void> failed = proxy.ask(new Fail(), Void.class).handle((value, error) -> null);
			failed.get(30, TimeUnit.SECONDS);
			assertThat(parent.childStopping.await(30, TimeUnit.SECONDS)).isTrue();
			parent.childMayStop.countDown();
			proxy.stop().get(30, TimeUnit.SECONDS);
			assertThat(parent.shutdownRan.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(parent.overlapped).as("state() ran while the next turn ended the actor").isFalse();
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
		}
	}

	/** Cleans up through a stage: the actor ends when it completes, and no thread waits for it. */
	static final class SlowToClose implements Actor {

		final CompletableFuture<Void> closed = new CompletableFuture<>();

		@MessageHandler
		CompletionStage<Void> onShutdown(ShutdownMessage shutdown) {
			return this.closed;
		}

		@MessageHandler
		void onFail(Fail fail) {
		}

	}

	@Test
	void aShutdownHandlersStageHoldsTheActorWithoutOccupyingAThread() throws Exception {
		ExecutorService oneThread = Executors.newSingleThreadExecutor();
		Core core = Core.builder().executor(oneThread).askTimeout(Duration.ofMinutes(1)).build();
		try {
			SlowToClose closing = new SlowToClose();
			ActorProxy<SlowToClose> slow = core.createActor("slow", closing);
			ActorProxy<SlowToClose> other = core.createActor("other", new SlowToClose());
			CompletableFuture<Void> stopped = slow.stop();
			// The only dispatcher thread is free while the stage is pending: another actor runs.
			other.ask(new Fail(), Void.class).get(30, TimeUnit.SECONDS);
			assertThat(stopped).isNotDone();
			assertThat(slow.isAlive()).isTrue();
			closing.closed.complete(null);
			stopped.get(30, TimeUnit.SECONDS);
			assertThat(slow.isAlive()).isFalse();
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
			oneThread.shutdownNow();
		}
	}

	/** A stage that calls each callback twice: the second call must not start a turn. */
	static final class CallsBackTwice<T> extends CompletableFuture<T> {

		@Override
		public CompletableFuture<T> whenComplete(java.util.function.BiConsumer<? super T, ? super Throwable> action) {
			super.whenComplete(action);
			return super.whenComplete(action);
		}

		@Override
		public <U> CompletableFuture<U> newIncompleteFuture() {
			return new CompletableFuture<>();
		}

	}

	/** Holds on a misbehaving stage, then counts overlapping handlers of the mail behind it. */
	static final class HeldOnce implements Actor {

		final CallsBackTwice<Integer> stage = new CallsBackTwice<>();

		private final AtomicInteger inside = new AtomicInteger();

		private long handled;

		private long overlaps;

		@MessageHandler
		CompletionStage<Integer> onReport(Report report) {
			return this.stage;
		}

		@MessageHandler
		void onWork(Work work) {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps++;
			}
			this.handled++;
			this.inside.decrementAndGet();
		}

		@MessageHandler
		Result onFail(Fail fail) {
			return new Result(this.handled, this.overlaps);
		}

	}

	@Test
	void aStageThatCallsBackTwiceResumesTheActorOnce() throws Exception {
		// daemons: two consumers of one mailbox may leave a thread spinning for good
		ExecutorService dispatchers = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task);
			thread.setDaemon(true);
			return thread;
		});
		Core core = Core.builder().executor(dispatchers).build();
		try {
			HeldOnce held = new HeldOnce();
			ActorProxy<HeldOnce> actor = core.createActor("held", held);
			actor.tell(new Report());
			for (int i = 0; i < 20_000; i++) {
				actor.tell(new Work(0, i));
			}
			held.stage.complete(1);
			Result result = actor.ask(new Fail(), Result.class).get(30, TimeUnit.SECONDS);
			assertThat(result.overlaps()).isZero();
			assertThat(result.handled()).isEqualTo(20_000);
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
			dispatchers.shutdownNow();
		}
	}

}
