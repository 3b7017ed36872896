package io.libactors.test;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.libactors.TimerScheduler;

/**
 * A clock that moves only when a test moves it: the timers, schedules and ask timeouts of an
 * {@link ActorTestKit}'s core run on it. {@link #advance(Duration)} runs, in order and on the
 * calling thread, everything that falls due up to the new time before it returns, so a one-hour
 * schedule is tested in microseconds. What a tick sends is still handled by the actor on its own
 * thread, after the tick.
 * <p>
 * Threading: thread-safe; actors schedule from their threads while a test advances.
 */
public final class TestClock implements TimerScheduler {

	private final PriorityQueue<Task> due = new PriorityQueue<>();

	/** One advance at a time: two tests sharing a clock take turns. */
	private final ReentrantLock moving = new ReentrantLock();

	/** Nanoseconds since the clock was made. */
	private long now;

	private long sequence;

	/** How far the clock has moved since it was made. */
	public synchronized Duration now() {
		return Duration.ofNanos(this.now);
	}

	/**
	 * Moves the clock forward by {@code step}, running every task that falls due on the way, in
	 * the order of their times (tasks of one time in the order they were scheduled), a periodic
	 * one as often as it falls due; a task scheduled meanwhile runs too if it falls due in time.
	 * @throws IllegalArgumentException for a negative step
	 */
	public void advance(Duration step) {
		Objects.requireNonNull(step, "step must not be null");
		if (step.isNegative()) {
			throw new IllegalArgumentException("A clock only moves forward; advance(" + step + ") goes back.");
		}
		this.moving.lock();
		try {
			long target;
			synchronized (this) {
				target = saturatedSum(this.now, nanos(step));
			}
			for (;;) {
				Task task;
				synchronized (this) {
					task = this.due.peek();
					if (task == null || task.time > target) {
						// a task that advanced the clock itself may have moved it further
						this.now = Math.max(this.now, target);
						return;
					}
					this.due.poll();
					this.now = Math.max(this.now, task.time);
				}
				task.runOnce();
			}
		}
		finally {
			this.moving.unlock();
		}
	}

	@Override
	public long nanoTime() {
		synchronized (this) {
			return this.now;
		}
	}

	@Override
	public Future<?> schedule(Runnable task, Duration delay) {
		return add(task, delay, 0, false);
	}

	@Override
	public Future<?> scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
		return add(task, initialDelay, positive(delay), false);
	}

	@Override
	public Future<?> scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
		return add(task, initialDelay, positive(period), true);
	}

	/** A delay in nanoseconds, at most {@code Long.MAX_VALUE} (about 292 years: never, here). */
	private static long nanos(Duration delay) {
		try {
			return delay.toNanos();
		}
		catch (ArithmeticException ex) {
			return delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	private static long saturatedSum(long time, long delay) {
		return (delay > Long.MAX_VALUE - time) ? Long.MAX_VALUE : time + delay;
	}

	private static long positive(Duration period) {
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A repeating task needs a positive period, not " + period + ".");
		}
		return nanos(period);
	}

	private synchronized Task add(Runnable runnable, Duration delay, long period, boolean fixedRate) {
		Objects.requireNonNull(runnable, "task must not be null");
		Task task = new Task(runnable, saturatedSum(this.now, Math.max(0, nanos(delay))), period, fixedRate);
		this.due.add(task);
		return task;
	}

	private synchronized void again(Task task) {
		if (!task.isCancelled()) {
			task.time = saturatedSum(task.fixedRate ? task.time : this.now, task.period);
			task.sequence = this.sequence++;
			this.due.add(task);
		}
	}

	private synchronized void remove(Task task) {
		this.due.remove(task);
	}

	/** One scheduled task: its own future, cancelled by removing it from the clock. */
	private final class Task implements Future<Object>, Comparable<Task> {

		private final Runnable runnable;

		private final long period;

		private final boolean fixedRate;

		private long time;

		private long sequence;

		/** Completes when a one-shot task has run (exceptionally if it threw); cancelled with it. */
		private final CompletableFuture<Object> outcome = new CompletableFuture<>();

		Task(Runnable runnable, long time, long period, boolean fixedRate) {
			this.runnable = runnable;
			this.time = time;
			this.period = period;
			this.fixedRate = fixedRate;
			this.sequence = TestClock.this.sequence++;
		}

		/** As an executor does: what the task throws ends it and is kept in its future. */
		void runOnce() {
			if (this.outcome.isDone()) {
				return;
			}
			try {
				this.runnable.run();
			}
			catch (RuntimeException | Error ex) {
				this.outcome.completeExceptionally(ex);
				return;
			}
			if (this.period > 0) {
				again(this);
			}
			else {
				this.outcome.complete(null);
			}
		}

		@Override
		public int compareTo(Task other) {
			int byTime = Long.compare(this.time, other.time);
			return (byTime != 0) ? byTime : Long.compare(this.sequence, other.sequence);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			if (!this.outcome.cancel(mayInterruptIfRunning)) {
				return false;
			}
			remove(this);
			return true;
		}

		@Override
		public boolean isCancelled() {
			return this.outcome.isCancelled();
		}

		@Override
		public boolean isDone() {
			return this.outcome.isDone();
		}

		/** Waits for the task to run: another thread must advance the clock. */
		@Override
		public Object get() throws InterruptedException, ExecutionException {
			return this.outcome.get();
		}

		@Override
		public Object get(long timeout, TimeUnit unit)
				throws InterruptedException, ExecutionException, TimeoutException {
			return this.outcome.get(timeout, unit);
		}

	}

}
