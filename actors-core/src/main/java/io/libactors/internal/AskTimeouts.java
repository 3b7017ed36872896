package io.libactors.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import io.libactors.TimerScheduler;
import org.jspecify.annotations.Nullable;

/**
 * The deadlines of asks waiting for replies, grouped into slots with one timer task per slot.
 * An ask joins the slot its deadline falls in and leaves it when it completes, so it schedules
 * nothing of its own: a timer task per ask wakes the timer thread whenever it is the earliest
 * task, which for one asker at a time is every ask, a third thread woken for each round trip.
 * A slot expires its asks after their deadline, at most one slot width after it: 2<sup>23</sup>
 * ns (8.4 ms), or for a long timeout the power of two below a 64th of it, so that asks answered
 * long before their deadlines leave at most about a hundred empty slots per timeout behind.
 * <p>
 * Threading: any thread. Expired asks complete on the completions executor, never on the core's
 * timer, so a callback that blocks delays no other timeout and no timer; on a clock a test moves
 * ({@code Core.Builder.clock}), on the thread that moves it.
 */
final class AskTimeouts {

	/** The narrowest slot, a power of two like every slot width, so wider slots end on its boundaries. */
	static final long SLOT_NANOS = 1L << 23;

	/** About 36 years: keeps a deadline in nanoTime from overflowing. */
	private static final long LONGEST_NANOS = Long.MAX_VALUE / 8;

	private final TimerScheduler timer;

	/**
	 * A clock a test moves: each ask gets its own slot ending at its deadline, to the nanosecond,
	 * and expires on the thread that moves the clock, before the move returns.
	 */
	private final boolean exact;

	/** Where expired asks complete: their callbacks are user code, which must not hold the timer. */
	private final Executor completions;

	private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();

	private volatile boolean closed;

	AskTimeouts(TimerScheduler timer, boolean exact, Executor completions) {
		this.timer = timer;
		this.exact = exact;
		this.completions = completions;
	}

	/**
	 * Starts the ask's timeout.
	 * @return {@code false} when the timer has shut down: nothing was started
	 */
	boolean start(Ask ask, long timeoutNanos) {
		long now = this.timer.nanoTime();
		long timeout = Math.min(timeoutNanos, LONGEST_NANOS);
		long width = Math.max(SLOT_NANOS, Long.highestOneBit(timeout >> 6));
		// a slot is known by its end: the first boundary of its width after the deadline
		long key = this.exact ? now + timeout : (Math.floorDiv(now + timeout, width) + 1) * width;
		Slot slot = this.slots.get(key);
		if (slot == null) {
			Slot fresh = new Slot(key);
			slot = this.slots.putIfAbsent(key, fresh);
			if (slot == null) {
				slot = fresh;
				try {
					fresh.task = this.timer.schedule(fresh, Duration.ofNanos(key - now));
				}
				catch (RejectedExecutionException ex) {
					// The core has terminated. An ask that joined this slot meanwhile gets no
					// timeout, but no actor takes mail any more: its send completes it at once.
					this.slots.remove(key, fresh);
					return false;
				}
			}
		}
		slot.join(ask);
		if (this.closed) {
			// Closed while joining: the slot's task may be cancelled already.
			slot.leave(ask);
			return false;
		}
		return true;
	}

	/** Asks waiting for a reply with their timeout running. */
	int waiting() {
		int waiting = 0;
		for (Slot slot : this.slots.values()) {
			waiting += slot.asks.size();
		}
		return waiting;
	}

	/**
	 * The core has stopped: cancels the slots no ask waits in, so that the timer thread need not
	 * wait for them. Asks still waiting keep their timeouts.
	 */
	void close() {
		this.closed = true;
		for (Slot slot : this.slots.values()) {
			Future<?> task = slot.task;
			if (slot.asks.isEmpty() && task != null) {
				task.cancel(false);
			}
		}
	}

	/** The asks whose deadlines fall within one slot; run by the timer when the slot ends. */
	final class Slot implements Runnable {

		private final long key;

		private final Set<Ask> asks = ConcurrentHashMap.newKeySet();

		private volatile boolean expired;

		volatile @Nullable Future<?> task;

		Slot(long key) {
			this.key = key;
		}

		void join(Ask ask) {
			ask.timeoutIn(this);
			this.asks.add(ask);
			// Expired while joining: the deadline has passed. Either this or run() sees the ask.
			if (this.expired || ask.isDone()) {
				expire(ask);
			}
		}

		/** The ask completed: the slot lets go of it (and of its reply). */
		void leave(Ask ask) {
			this.asks.remove(ask);
		}

		/** On the timer: hands the asks to the completions executor, or expires them here if it refuses. */
		@Override
		public void run() {
			this.expired = true;
			AskTimeouts.this.slots.remove(this.key, this);
			if (this.asks.isEmpty()) {
				return;
			}
			if (AskTimeouts.this.exact) {
				expireAll();
				return;
			}
			try {
				AskTimeouts.this.completions.execute(this::expireAll);
			}
			catch (RejectedExecutionException ex) {
				expireAll();
			}
		}

		private void expireAll() {
			for (Ask ask : this.asks) {
				expire(ask);
			}
		}

		private void expire(Ask ask) {
			// whoever removes the ask times it out (a no-op for an ask already answered)
			if (this.asks.remove(ask)) {
				ask.timeOut();
			}
		}

	}

}
