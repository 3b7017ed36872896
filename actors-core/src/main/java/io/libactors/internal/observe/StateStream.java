package io.libactors.internal.observe;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The states of one {@link io.libactors.StatefulActor}, to any number of subscribers: a subscriber gets the
 * current state first, then each state that differs (by {@code equals}) from the last one
 * published. A slow subscriber holds at most one state, the latest: no queue grows. Published
 * from the actor's turn; subscribers may request and cancel from any thread.
 */
public final class StateStream {

	private static final Logger logger = LoggerFactory.getLogger(StateStream.class);

	private final String actor;

	private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	/** The last state published; the turn's alone. */
	private @Nullable Object last;

	public StateStream(String actor) {
		this.actor = actor;
	}

	/**
	 * From the turn: a new subscriber, which gets the current state whatever came before; the
	 * others get it too if it is news to them (a publish skipped when {@code state()} failed).
	 */
	public void welcome(Subscription subscription, Object state) {
		if (!Objects.equals(state, this.last)) {
			this.last = state;
			for (Subscription other : this.subscriptions) {
				if (other != subscription) {
					other.offer(state);
				}
			}
		}
		subscription.offer(state);
	}

	/** From the turn, after a message: publishes the state if it changed. */
	public void publish(Object state) {
		if (!Objects.equals(state, this.last)) {
			this.last = state;
			for (Subscription subscription : this.subscriptions) {
				subscription.offer(state);
			}
		}
	}

	/** The actor stopped: every stream completes once its subscriber has the last state. */
	public void complete() {
		for (Subscription subscription : this.subscriptions) {
			subscription.complete();
		}
	}

	public Subscription add(Flow.Subscriber<?> subscriber) {
		Subscription subscription = new Subscription(subscriber);
		this.subscriptions.add(subscription);
		return subscription;
	}

	/** One subscriber's view: a slot for the latest state, its demand, and a drain loop. */
	public final class Subscription implements Flow.Subscription {

		@SuppressWarnings("rawtypes")
		private final Flow.Subscriber subscriber;

		private final AtomicReference<@Nullable Object> latest = new AtomicReference<>();

		private final AtomicLong demand = new AtomicLong();

		private final AtomicInteger work = new AtomicInteger();

		private volatile boolean done;

		private volatile boolean cancelled;

		private volatile @Nullable Throwable failure;

		Subscription(Flow.Subscriber<?> subscriber) {
			this.subscriber = subscriber;
		}

		void offer(Object state) {
			this.latest.set(state);
			drain();
		}

		void complete() {
			this.done = true;
			drain();
		}

		void fail(Throwable error) {
			this.failure = error;
			this.done = true;
			drain();
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				fail(new IllegalArgumentException("Rule 3.9: request(n) needs n > 0, but was " + n + "."));
				return;
			}
			this.demand.getAndAccumulate(n, (current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
			drain();
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			StateStream.this.subscriptions.remove(this);
		}

		/** Delivers from whichever thread gets here first; one delivery at a time. */
		private void drain() {
			if (this.work.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				try {
					emit();
				}
				catch (Throwable ex) {
					// Reactive Streams 2.13: a subscriber that throws is cancelled; the actor and the
					// other subscribers go on, and the drain loop stays balanced.
					cancel();
					logger.warn("A subscriber to the states of actor '{}' threw and was cancelled: {}",
							StateStream.this.actor, ex.getClass().getName());
				}
				missed = this.work.addAndGet(-missed);
			}
			while (missed != 0);
		}

		@SuppressWarnings("unchecked")
		private void emit() {
			while (!this.cancelled && this.demand.get() > 0) {
				Object state = this.latest.getAndSet(null);
				if (state == null) {
					break;
				}
				this.demand.decrementAndGet();
				this.subscriber.onNext(state);
			}
			if (!this.cancelled && this.done && (this.latest.get() == null || this.failure != null)) {
				this.cancelled = true;
				StateStream.this.subscriptions.remove(this);
				Throwable error = this.failure;
				if (error != null) {
					this.subscriber.onError(error);
				}
				else {
					this.subscriber.onComplete();
				}
			}
		}

	}

}
