package io.libactors.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.libactors.internal.observe.HandlerMetrics;
import io.libactors.internal.observe.StateStream;
import org.jspecify.annotations.Nullable;

/**
 * What an actor's turn writes for every message, and what only its turn uses. Made when the
 * actor first takes mail, so that an actor that never had any holds none of it; and an object
 * of its own, so that the turn's writes mostly land away from the {@link Mailbox} fields senders
 * write (not guaranteed: turn states made on one thread may sit side by side in memory).
 * <p>
 * Threading: written only by the turn; the {@link Mailbox} reads the head and the counters, and
 * monitoring the metrics, from any thread, through the release stores the turn makes.
 */
final class TurnState {

	/** Consumer side of the mailbox: the last link taken, now the stub, or the mailbox itself when none is. */
	Link head;

	/** Messages ever taken from the queue. */
	volatile long dequeued;

	volatile long processed;

	volatile long failed;

	/** When the handler running now (or its CompletionStage) began, in nanoTime; 0 when none runs. */
	long busySince;

	@Nullable Node current;

	@Nullable AsyncHold hold;

	/** Elements published with release stores. */
	volatile HandlerMetrics @Nullable [] metrics;

	@Nullable List<String[]> bindings;

	/** Made by the first restart; volatile, as a stopper reads its back-off from any thread. */
	volatile @Nullable RestartHistory restarts;

	/** Made by the first subscription to the actor's states. */
	@Nullable StateStream states;

	/** The actors this one watches, made by its first watch. */
	@Nullable Set<ActorCell> watching;

	/** This incarnation's number in the core's envelope ids, drawn on first use; 0 until then. */
	long incarnation;

	TurnState(Mailbox mailbox) {
		this.head = mailbox;
	}

	RestartHistory restartHistory() {
		RestartHistory history = this.restarts;
		if (history == null) {
			history = new RestartHistory();
			this.restarts = history;
		}
		return history;
	}

	void watchingAdd(ActorCell target) {
		if (this.watching == null) {
			this.watching = new HashSet<>();
		}
		this.watching.add(target);
	}

	void watchingRemove(ActorCell target) {
		if (this.watching != null) {
			this.watching.remove(target);
		}
	}

	/** The actor has ended: lets go of what only its turns used, for a proxy that outlives it. */
	void forget() {
		this.current = null;
		this.metrics = null;
		this.bindings = null;
		this.restarts = null;
		this.states = null;
		this.watching = null;
	}

}
