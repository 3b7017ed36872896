package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Whatever user code throws around a turn (state subscribers, dead-letter listeners), the actor
 * goes on or ends cleanly: it is never left scheduled with no turn to come, and {@code tell},
 * {@code ask} and {@code publish} never throw for a dead letter.
 */
class TurnFailureTests {

	record Add(long amount) implements Message {
	}

	record Fail() implements Message {
	}

	record Work(int n) implements Message {
	}

	/** A subscriber that throws from the signal named. */
	static final class Throwing implements Flow.Subscriber<Long> {

		private final String from;

		final List<Long> items = new CopyOnWriteArrayList<>();

		Throwing(String from) {
			this.from = from;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
			fail("onSubscribe");
		}

		@Override
		public void onNext(Long item) {
			this.items.add(item);
			if (item > 0) {
				fail("onNext");
			}
		}

		@Override
		public void onError(Throwable error) {
			fail("onError");
		}

		@Override
		public void onComplete() {
			fail("onComplete");
		}

		private void fail(String signal) {
			if (signal.equals(this.from)) {
				throw new IllegalStateException("subscriber fails in " + signal);
			}
		}

	}

	@Test
	void aSubscriberThatThrowsFromOnSubscribeLeavesTheActorWorking() throws Exception {
		try (CoreScope scope = new CoreScope()) {
			Core core = scope.core;
			ActorProxy<Reducer<Long>> counter = core.createActor("counter", ObservableStateTests.counter());
			counter.states(Long.class).subscribe(new Throwing("onSubscribe"));
			counter.tell(new ObservableStateTests.Add(2));
			assertThat(counter.ask(new ObservableStateTests.Total(), Long.class).get(30, TimeUnit.SECONDS))
				.isEqualTo(2L);
			counter.stop().get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aSubscriberThatThrowsFromOnNextIsCancelledAndTheOthersGoOn() throws Exception {
		try (CoreScope scope = new CoreScope(); LogCapture log = new LogCapture()) {
			Core core = scope.core;
			ActorProxy<Reducer<Long>> counter = core.createActor("counter", ObservableStateTests.counter());
			Throwing throwing = new Throwing("onNext");
			counter.states(Long.class).subscribe(throwing);
			ObservableStateTests.Collector<Long> other = new ObservableStateTests.Collector<>(Long.MAX_VALUE);
			counter.states(Long.class).subscribe(other);
			counter.tell(new ObservableStateTests.Add(1));
			counter.tell(new ObservableStateTests.Add(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> other.items.contains(2L));
			assertThat(throwing.items).containsExactly(0L, 1L);
			counter.stop().get(30, TimeUnit.SECONDS);
			other.done.get(30, TimeUnit.SECONDS);
			assertThat(log.lines(Level.WARN))
				.containsExactly("A subscriber to the states of actor 'counter' threw and was cancelled: "
						+ IllegalStateException.class.getName());
		}
	}

	@Test
	void aSubscriberThatThrowsFromOnCompleteDoesNotKeepTheActorFromStopping() throws Exception {
		try (CoreScope scope = new CoreScope()) {
			Core core = scope.core;
			ActorProxy<Reducer<Long>> counter = core.createActor("counter", ObservableStateTests.counter());
			counter.states(Long.class).subscribe(new Throwing("onComplete"));
			assertThat(counter.ask(new ObservableStateTests.Total(), Long.class).get(30, TimeUnit.SECONDS)).isZero();
			counter.stop().get(30, TimeUnit.SECONDS);
			assertThat(counter.isAlive()).isFalse();
		}
	}

	/** Ends slowly: its ShutdownMessage handler waits until let go. */
	static final class SlowToEnd implements StatefulActor<Long> {

		final CountDownLatch ending = new CountDownLatch(1);

		final CountDownLatch mayEnd = new CountDownLatch(1);

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) throws InterruptedException {
			this.ending.countDown();
			this.mayEnd.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onWork(Work work) {
		}

		@Override
		public Long state() {
			return 0L;
		}

	}

	@Test
	void aSubscriberRefusedAsTheActorEndsThatThrowsFromOnErrorDoesNotKeepItFromEnding() throws Exception {
		try (CoreScope scope = new CoreScope()) {
			SlowToEnd actor = new SlowToEnd();
			ActorProxy<SlowToEnd> proxy = scope.core.createActor("slow", actor);
			CompletableFuture<Void> stopped = proxy.stop();
			assertThat(actor.ending.await(30, TimeUnit.SECONDS)).isTrue();
			// still ending, so the request is queued, and refused when the actor has ended
			proxy.states(Long.class).subscribe(new Throwing("onError"));
			actor.mayEnd.countDown();
			stopped.get(30, TimeUnit.SECONDS);
			assertThat(proxy.isAlive()).isFalse();
		}
	}

	/** Takes dead letters one at a time, and not before it is let go. */
	static final class BlockedListener implements Actor {

		final CountDownLatch go = new CountDownLatch(1);

		final List<String> reasons = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onDeadLetter(DeadLetter letter) throws InterruptedException {
			this.go.await(60, TimeUnit.SECONDS);
			this.reasons.add(letter.reason());
		}

	}

	static final class FailsFirst implements Actor {

		@MessageHandler
		void onFail(Fail fail) {
			throw new IllegalStateException("fail");
		}

		@MessageHandler
		void onWork(Work work) {
		}

	}

	@Test
	void aDeadLetterListenerWithAFullMailboxDoesNotKeepAFailedActorFromStopping() throws Exception {
		try (CoreScope scope = new CoreScope(Core.builder().mailboxCapacity(1))) {
			Core core = scope.core;
			BlockedListener listener = new BlockedListener();
			core.createActor("listener", listener);
			// Mail buffered before the actor exists is all queued at creation, whatever the capacity.
			ActorProxy<?> early = core.proxy("failing");
			early.tell(new Fail());
			for (int i = 0; i < 5; i++) {
				early.tell(new Work(i));
			}
			Supplier<FailsFirst> factory = FailsFirst::new;
			ActorProxy<FailsFirst> failing = core.createActor("failing", factory, Supervision.STOP);
			failing.stop().get(30, TimeUnit.SECONDS);
			assertThat(failing.isAlive()).isFalse();
			assertThat(core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(5);
			listener.go.countDown();
		}
	}

	@Test
	void tellingAStoppedActorNeverThrowsWhenTheDeadLetterListenersMailboxIsFull() throws Exception {
		try (CoreScope scope = new CoreScope(Core.builder().mailboxCapacity(1))) {
			Core core = scope.core;
			BlockedListener listener = new BlockedListener();
			core.createActor("listener", listener);
			ActorProxy<FailsFirst> stopped = core.createActor("stopped", new FailsFirst());
			stopped.stop().get(30, TimeUnit.SECONDS);
			for (int i = 0; i < 5; i++) {
				int n = i;
				assertThatNoException().isThrownBy(() -> stopped.tell(new Work(n)));
			}
			assertThat(core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(5);
			listener.go.countDown();
		}
	}

	@Test
	void tellingAStoppedActorNeverThrowsWhenEveryMessageIsRoundTripped() throws Exception {
		try (CoreScope scope = new CoreScope(Core.builder().serializationCheck(SerializationCheck.EVERY_MESSAGE))) {
			Core core = scope.core;
			BlockedListener listener = new BlockedListener();
			listener.go.countDown();
			core.createActor("listener", listener);
			ActorProxy<FailsFirst> stopped = core.createActor("stopped", new FailsFirst());
			stopped.stop().get(30, TimeUnit.SECONDS);
			assertThatNoException().isThrownBy(() -> stopped.tell(new Work(1)));
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.reasons.contains(DeadLetter.STOPPED));
		}
	}

	/** A core closed at the end of a test, by try-with-resources. */
	private static final class CoreScope implements AutoCloseable {

		final Core core;

		CoreScope() {
			this(Core.builder());
		}

		CoreScope(Core.Builder builder) {
			this.core = builder.build();
		}

		@Override
		public void close() {
			this.core.shutdown(Duration.ofSeconds(30));
		}

	}

}
