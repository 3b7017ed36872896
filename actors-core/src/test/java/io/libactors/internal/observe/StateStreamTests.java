package io.libactors.internal.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state stream gives each subscriber the current state first, then each state that differs from the last
 * published, only as demanded; without demand it keeps only the latest state. Cancel stops delivery,
 * completion waits for the last state, and a non-positive request is an error (rule 3.9).
 */
class StateStreamTests {

	private final StateStream stream = new StateStream("account");

	record State(int n) {
	}

	/** Records what it is signalled; requests {@code initialRequest} on subscribe if positive. */
	static final class Recorder implements Flow.Subscriber<Object> {

		final List<Object> states = new ArrayList<>();

		/** {@code onNext}, {@code onError} and {@code onComplete}, in the order signalled. */
		final List<String> signals = new ArrayList<>();

		@Nullable Throwable error;

		Flow.@Nullable Subscription subscription;

		/** Runs inside {@code onNext}, after the state is recorded. */
		Consumer<Object> whileInOnNext = (state) -> {
		};

		/** The deepest nesting of {@code onNext} calls seen. */
		int maxDepth;

		private int depth;

		private final long initialRequest;

		Recorder(long initialRequest) {
			this.initialRequest = initialRequest;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.initialRequest > 0) {
				subscription.request(this.initialRequest);
			}
		}

		@Override
		public void onNext(Object state) {
			this.depth++;
			this.maxDepth = Math.max(this.maxDepth, this.depth);
			try {
				this.states.add(state);
				this.signals.add("onNext");
				this.whileInOnNext.accept(state);
			}
			finally {
				this.depth--;
			}
		}

		@Override
		public void onError(Throwable error) {
			this.error = error;
			this.signals.add("onError");
		}

		@Override
		public void onComplete() {
			this.signals.add("onComplete");
		}

	}

	/** What the actor's turn does for a new subscriber: adds it, hands it its subscription, welcomes it. */
	private StateStream.Subscription subscribe(Recorder recorder, Object current) {
		StateStream.Subscription subscription = this.stream.add(recorder);
		recorder.onSubscribe(subscription);
		this.stream.welcome(subscription, current);
		return subscription;
	}

	@Test
	void aNewSubscriberGetsTheCurrentStateFirst() {
		Recorder recorder = new Recorder(Long.MAX_VALUE);
		subscribe(recorder, new State(0));
		assertThat(recorder.states).containsExactly(new State(0));
		this.stream.publish(new State(1));
		assertThat(recorder.states).containsExactly(new State(0), new State(1));
	}

	@Test
	void nothingIsDeliveredBeforeItIsRequested() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		assertThat(recorder.signals).isEmpty();
		subscription.request(1);
		assertThat(recorder.states).containsExactly(new State(0));
	}

	@Test
	void publishedStatesArriveInOrderOnePerUnitOfDemand() {
		Recorder recorder = new Recorder(3);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		assertThat(recorder.states).containsExactly(new State(0), new State(1), new State(2));
		this.stream.publish(new State(3));
		assertThat(recorder.states).containsExactly(new State(0), new State(1), new State(2));
		subscription.request(1);
		assertThat(recorder.states).containsExactly(new State(0), new State(1), new State(2), new State(3));
	}

	@Test
	void withoutDemandOnlyTheLatestStateIsKeptAndTheUnusedDemandRemains() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		this.stream.publish(new State(3));
		subscription.request(10);
		assertThat(recorder.states).containsExactly(new State(3));
		this.stream.publish(new State(4));
		assertThat(recorder.states).containsExactly(new State(3), new State(4));
	}

	@Test
	void onlyAStateThatDiffersFromTheLastIsPublished() {
		Recorder recorder = new Recorder(Long.MAX_VALUE);
		subscribe(recorder, new State(1));
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		this.stream.publish(new State(2));
		this.stream.publish(new State(1));
		assertThat(recorder.states).containsExactly(new State(1), new State(2), new State(1));
	}

	@Test
	void eachSubscriberGetsThePublishedStatesAtItsOwnDemand() {
		Recorder fast = new Recorder(Long.MAX_VALUE);
		Recorder slow = new Recorder(1);
		subscribe(fast, new State(0));
		StateStream.Subscription slowSubscription = subscribe(slow, new State(0));
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		assertThat(fast.states).containsExactly(new State(0), new State(1), new State(2));
		assertThat(slow.states).containsExactly(new State(0));
		slowSubscription.request(1);
		assertThat(slow.states).containsExactly(new State(0), new State(2));
	}

	@Test
	void cancelStopsDeliveryAndCompletion() {
		Recorder recorder = new Recorder(Long.MAX_VALUE);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		subscription.cancel();
		this.stream.publish(new State(1));
		this.stream.complete();
		assertThat(recorder.states).containsExactly(new State(0));
		assertThat(recorder.signals).containsExactly("onNext");
	}

	@Test
	void aCancelledSubscriptionDeliversNoPendingStateAndIgnoresRequestsEvenInvalidOnes() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		subscription.cancel();
		subscription.request(1);
		subscription.request(0);
		assertThat(recorder.signals).isEmpty();
	}

	@Test
	void completeSendsOnCompleteOnceToEverySubscriber() {
		Recorder first = new Recorder(Long.MAX_VALUE);
		Recorder second = new Recorder(Long.MAX_VALUE);
		subscribe(first, new State(0));
		subscribe(second, new State(0));
		this.stream.complete();
		this.stream.publish(new State(1));
		this.stream.complete();
		assertThat(first.signals).containsExactly("onNext", "onComplete");
		assertThat(second.signals).containsExactly("onNext", "onComplete");
	}

	@Test
	void onCompleteNeedsNoDemand() {
		Recorder recorder = new Recorder(1);
		subscribe(recorder, new State(0));
		this.stream.complete();
		assertThat(recorder.signals).containsExactly("onNext", "onComplete");
	}

	@Test
	void completionWaitsUntilTheSubscriberHasTheLastState() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		this.stream.publish(new State(1));
		this.stream.complete();
		assertThat(recorder.signals).isEmpty();
		subscription.request(1);
		assertThat(recorder.states).containsExactly(new State(1));
		assertThat(recorder.signals).containsExactly("onNext", "onComplete");
	}

	@Test
	void aNonPositiveRequestSignalsOnErrorWithIllegalArgumentExceptionPerRule3_9() {
		for (long n : new long[] { 0, -1, Long.MIN_VALUE }) {
			Recorder recorder = new Recorder(0);
			StateStream.Subscription subscription = subscribe(recorder, new State(0));
			subscription.request(n);
			assertThat(recorder.error).as("request(%d)", n)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("3.9")
				.hasMessageContaining("was " + n);
			assertThat(recorder.signals).as("request(%d)", n).containsExactly("onError");
		}
	}

	@Test
	void afterTheRule3_9ErrorNothingMoreIsSignalled() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		subscription.request(-1);
		subscription.request(5);
		this.stream.publish(new State(1));
		this.stream.complete();
		assertThat(recorder.states).isEmpty();
		assertThat(recorder.signals).containsExactly("onError");
	}

	@Test
	void demandAddingUpBeyondLongMaxValueStaysUnbounded() {
		Recorder recorder = new Recorder(0);
		StateStream.Subscription subscription = subscribe(recorder, new State(0));
		subscription.request(Long.MAX_VALUE);
		subscription.request(Long.MAX_VALUE);
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		assertThat(recorder.states).containsExactly(new State(0), new State(1), new State(2));
		assertThat(recorder.error).isNull();
	}

	@Test
	void aSubscriberThatThrowsIsCancelledAndTheOthersGoOn() {
		Recorder failing = new Recorder(Long.MAX_VALUE);
		failing.whileInOnNext = (state) -> {
			throw new IllegalStateException("subscriber bug");
		};
		Recorder healthy = new Recorder(Long.MAX_VALUE);
		subscribe(failing, new State(0));
		subscribe(healthy, new State(0));
		this.stream.publish(new State(1));
		this.stream.complete();
		assertThat(failing.signals).containsExactly("onNext");
		assertThat(healthy.states).containsExactly(new State(0), new State(1));
		assertThat(healthy.signals).containsExactly("onNext", "onNext", "onComplete");
	}

	@Test
	void aStatePublishedWhileTheSubscriberIsInOnNextIsDeliveredAfterOnNextReturns() {
		Recorder recorder = new Recorder(Long.MAX_VALUE);
		List<Integer> seenInsideOnNext = new ArrayList<>();
		recorder.whileInOnNext = (state) -> {
			if (state.equals(new State(0))) {
				this.stream.publish(new State(1));
				seenInsideOnNext.add(recorder.states.size());
			}
		};
		subscribe(recorder, new State(0));
		assertThat(seenInsideOnNext).containsExactly(1);
		assertThat(recorder.states).containsExactly(new State(0), new State(1));
		assertThat(recorder.maxDepth).isEqualTo(1);
	}

	@Test
	void aSubscriberRequestingOneAtATimeFromOnNextGetsEveryState() {
		Recorder recorder = new Recorder(1);
		recorder.whileInOnNext = (state) -> recorder.subscription.request(1);
		subscribe(recorder, new State(0));
		this.stream.publish(new State(1));
		this.stream.publish(new State(2));
		assertThat(recorder.states).containsExactly(new State(0), new State(1), new State(2));
		assertThat(recorder.maxDepth).isEqualTo(1);
	}

	@Test
	void aStateFirstSeenWhenWelcomingANewSubscriberStillReachesTheExistingOnes() {
		Recorder existing = new Recorder(Long.MAX_VALUE);
		subscribe(existing, new State(0));
		this.stream.publish(new State(1));
		// the state became 2 without a publish; a new subscriber is welcomed with it
		subscribe(new Recorder(Long.MAX_VALUE), new State(2));
		this.stream.publish(new State(2));
		assertThat(existing.states).containsExactly(new State(0), new State(1), new State(2));
	}

}
