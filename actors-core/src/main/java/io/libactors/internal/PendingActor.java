package io.libactors.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import io.libactors.DeadLetter;
import io.libactors.TimerScheduler;
import org.jspecify.annotations.Nullable;

/**
 * A name that proxies refer to before its actor exists: up to {@link #CAPACITY} messages wait
 * here, in order, and move into the actor's mailbox when it is created. A message waits no
 * longer than an ask would for its reply, then becomes a dead letter; once none waits, the
 * pending retires and frees its name, and its proxies look the name up again. Guarded by its
 * monitor; not the hot path.
 */
final class PendingActor {

	static final int CAPACITY = 1_000;

	final String name;

	private final ArrayDeque<Node> buffer = new ArrayDeque<>();

	/** When each buffered node came, in the nanoseconds of the core's deadline clock. */
	private final ArrayDeque<Long> bufferedAt = new ArrayDeque<>();

	/** What {@link #expire} answers when nothing waits any more. */
	static final long NONE_WAITING = Long.MIN_VALUE;

	private @Nullable ActorCell cell;

	private boolean closed;

	/** Expired with nothing waiting: its name is free again. */
	private boolean retired;

	private @Nullable Future<?> expiry;

	/** What became of a message offered. */
	enum Offer {
		/** Waits here, the first to: an expiry is owed. */
		FIRST_BUFFERED,
		/** Waits here behind others. */
		BUFFERED,
		/** Accounted for as a dead letter (full, or closed by shutdown). */
		DEAD_LETTERED,
		/** The actor exists: send to {@link #cell()} directly. */
		BOUND,
		/** This pending retired: look the name up again. */
		RETIRED
	}

	PendingActor(String name) {
		this.name = name;
	}

	synchronized @Nullable ActorCell cell() {
		return this.cell;
	}

	synchronized boolean isRetired() {
		return this.retired;
	}

	/** The task that will expire what waits here; cancelled once the name is handed over or closed. */
	synchronized void expiresBy(Future<?> expiry) {
		this.expiry = expiry;
		if (this.cell != null || this.closed) {
			cancelExpiry();
		}
	}

	private void cancelExpiry() {
		Future<?> expiry = this.expiry;
		if (expiry != null) {
			expiry.cancel(false);
			this.expiry = null;
		}
	}

	/**
	 * Buffers a node, unless the actor exists or this pending retired.
	 * @param clock the deadline clock, read under this pending's monitor so that the times of
	 * the buffered nodes are in their order
	 */
	Offer offer(Node node, TimerScheduler clock, DeadLetterOffice deadLetters) {
		synchronized (this) {
			if (this.cell != null) {
				return Offer.BOUND;
			}
			if (this.retired) {
				return Offer.RETIRED;
			}
			if (!this.closed && this.buffer.size() < CAPACITY) {
				this.buffer.add(node);
				this.bufferedAt.add(clock.nanoTime());
				return (this.buffer.size() == 1) ? Offer.FIRST_BUFFERED : Offer.BUFFERED;
			}
		}
		deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR);
		return Offer.DEAD_LETTERED;
	}

	/**
	 * Dead-letters what was buffered at or before {@code cutoff}; retires once nothing waits.
	 * @param cutoff a time of the deadline clock, in nanoseconds
	 * @param release frees the name, under this pending's monitor (no actor claims it meanwhile)
	 * @return when the oldest message still waiting was buffered, or {@link #NONE_WAITING}
	 */
	long expire(long cutoff, DeadLetterOffice deadLetters, Runnable release) {
		List<Node> expired = new ArrayList<>();
		long oldest = NONE_WAITING;
		synchronized (this) {
			if (this.cell != null || this.closed || this.retired) {
				return NONE_WAITING;
			}
			while (!this.bufferedAt.isEmpty() && this.bufferedAt.peek() - cutoff <= 0) {
				this.bufferedAt.poll();
				expired.add(this.buffer.poll());
			}
			Long waiting = this.bufferedAt.peek();
			if (waiting != null) {
				oldest = waiting;
			}
			else {
				this.retired = true;
				release.run();
			}
		}
		expired.forEach((node) -> deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR));
		return oldest;
	}

	/**
	 * Moves the buffered messages, in order, into the new actor's mailbox (which the caller
	 * schedules), then lets {@code claim} give the name to the actor. Senders through this
	 * pending wait meanwhile, so their later messages come after the buffered ones.
	 * @param holdsName whether the registry still maps the name to this pending (stable under
	 * its monitor: every change of a pending's entry is made under it)
	 * @param claim replaces this pending by the actor in the registry
	 * @return whether the name was claimed; if not, nothing moved
	 */
	synchronized boolean handOver(ActorCell cell, BooleanSupplier holdsName, Runnable claim) {
		if (this.closed || this.retired || this.cell != null || !holdsName.getAsBoolean()) {
			return false;
		}
		this.bufferedAt.clear();
		for (Node node = this.buffer.poll(); node != null; node = this.buffer.poll()) {
			node.handler = cell.table.find(node.message.getClass());
			cell.link(node, true);
		}
		this.cell = cell;
		cancelExpiry();
		claim.run();
		return true;
	}

	/**
	 * Turns what is still buffered into dead letters; later messages too.
	 * @param release frees the name, under this pending's monitor (no actor claims it meanwhile)
	 */
	void close(DeadLetterOffice deadLetters, Runnable release) {
		ArrayDeque<Node> left;
		synchronized (this) {
			if (this.cell != null) {
				return;
			}
			this.closed = true;
			cancelExpiry();
			release.run();
			left = new ArrayDeque<>(this.buffer);
			this.buffer.clear();
			this.bufferedAt.clear();
		}
		left.forEach((node) -> deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR));
	}

	synchronized int size() {
		return this.buffer.size();
	}

}
