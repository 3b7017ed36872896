package io.libactors.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.libactors.ActorException;
import io.libactors.Message;
import io.libactors.Schedule;
import io.libactors.TimerScheduler;
import io.libactors.Timers;
import io.libactors.internal.handler.Handler;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Timers} of one actor. Started and queried from the actor's turn, cancelled
 * from any thread (stop, shutdown), so every method holds the monitor; timers are not the hot
 * path.
 */
final class ActorTimers implements Timers {

	private final ActorCell owner;

	private final Map<String, Entry> entries = new HashMap<>();

	private long generations;

	private boolean closed;

	/** The idle timeout, or {@code null}: read on each message the actor takes. */
	private volatile @Nullable Idle idle;

	ActorTimers(ActorCell owner) {
		this.owner = owner;
	}

	@Override
	public void startPeriodic(String key, Duration interval, Message message) {
		schedule(key, message, Schedule.every(interval));
	}

	@Override
	public void startSingle(String key, Duration delay, Message message) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("Timer delay must not be negative, but was " + delay + ".");
		}
		start(key, message, (tick) -> this.owner.kernel.timerScheduler().schedule(tick, delay), 1, false);
	}

	@Override
	public void schedule(String key, Message message, Schedule schedule) {
		Objects.requireNonNull(schedule, "schedule must not be null");
		TimerScheduler scheduler = this.owner.kernel.timerScheduler();
		Scheduling scheduling;
		if (schedule.repetitions() == 1) {
			scheduling = (tick) -> scheduler.schedule(tick, schedule.firstDelay());
		}
		else if (schedule.isFixedRate()) {
			scheduling = (tick) -> scheduler.scheduleAtFixedRate(tick, schedule.firstDelay(), schedule.interval());
		}
		else {
			scheduling = (tick) -> scheduler.scheduleWithFixedDelay(tick, schedule.firstDelay(), schedule.interval());
		}
		start(key, message, scheduling, schedule.repetitions(), true);
	}

	@Override
	public synchronized void cancel(String key) {
		Entry entry = this.entries.remove(key);
		if (entry != null) {
			entry.future.cancel(false);
		}
	}

	@Override
	public synchronized boolean isActive(String key) {
		return this.entries.containsKey(key);
	}

	@Override
	public synchronized void startIdle(Duration quiet, Message message) {
		Objects.requireNonNull(quiet, "quiet must not be null");
		Objects.requireNonNull(message, "message must not be null");
		if (quiet.isNegative() || quiet.isZero()) {
			throw new IllegalArgumentException("Idle timeout of actor '" + this.owner.name()
					+ "' must be positive, but was " + quiet + ".");
		}
		Handler handler = this.owner.handlerOf(message);
		if (handler == null) {
			throw new ActorException("Idle timeout of actor '" + this.owner.name() + "' refused: "
					+ this.owner.actorClass().getName() + " has no @MessageHandler for "
					+ message.getClass().getName() + ". Add one, or send a message it handles.");
		}
		refuseWhenClosed("idle timeout");
		cancelIdle();
		TimerScheduler clock = this.owner.kernel.timerScheduler();
		Idle idle = new Idle(quiet.toNanos(), message, handler, clock.nanoTime());
		this.idle = idle;
		idle.check = clock.schedule(() -> this.owner.deliverIdle(idle), quiet);
	}

	@Override
	public synchronized void cancelIdle() {
		Idle idle = this.idle;
		if (idle != null) {
			this.idle = null;
			idle.check.cancel(false);
		}
	}

	/**
	 * Inside the turn, for each message before it is handled: notes the mail an idle timeout
	 * waits for.
	 * @return whether to handle it: {@code false} for a tick of a timer cancelled or replaced,
	 * or the end of a quiet period that mail has cut short
	 */
	boolean taking(Node node) {
		if (node instanceof TickNode tick && !accept(tick)) {
			return false;
		}
		Idle idle = this.idle;
		if (idle != null) {
			idle.lastTaken = this.owner.kernel.timerScheduler().nanoTime();
		}
		return true;
	}

	/**
	 * Whether a tick is from the current timer of its key. A single timer's tick ends it.
	 * Ticks of a cancelled or replaced timer may still sit in the mailbox: this is where they
	 * are dropped, as the generation stamp no longer matches.
	 */
	private synchronized boolean accept(TickNode tick) {
		if (tick instanceof IdleTick end) {
			return quietPeriodEnded(end.idle);
		}
		Entry entry = this.entries.get(tick.key);
		if (entry == null || entry.generation != tick.generation) {
			return false;
		}
		if (entry.remaining > 0 && --entry.remaining == 0) {
			this.entries.remove(tick.key);
			entry.future.cancel(false);
			if (entry.notifyDone) {
				this.owner.deliverTimerDone(tick.key);
			}
		}
		return true;
	}

	/** Whether the actor has been quiet for the whole period: then the next one begins; else it waits on. */
	private boolean quietPeriodEnded(Idle ended) {
		if (ended != this.idle || this.closed) {
			return false;
		}
		TimerScheduler clock = this.owner.kernel.timerScheduler();
		long left = ended.lastTaken + ended.quietNanos - clock.nanoTime();
		boolean quiet = left <= 0;
		ended.check = clock.schedule(() -> this.owner.deliverIdle(ended),
				Duration.ofNanos(quiet ? ended.quietNanos : left));
		return quiet;
	}

	/** Cancels every timer and refuses new ones. */
	synchronized void close() {
		cancelIdle();
		this.closed = true;
		this.entries.values().forEach((entry) -> entry.future.cancel(false));
		this.entries.clear();
	}

	/**
	 * @param times ticks to handle before the timer ends, 0 for forever
	 * @param notifyDone whether {@link io.libactors.TimerDone} follows the last tick
	 */
	private synchronized void start(String key, Message message, Scheduling scheduling, int times,
			boolean notifyDone) {
		Objects.requireNonNull(key, "key must not be null");
		Objects.requireNonNull(message, "message must not be null");
		refuseWhenClosed("Timer '" + key + "'");
		cancel(key);
		long generation = ++this.generations;
		Runnable tick = () -> this.owner.deliverTick(key, generation, message);
		this.entries.put(key, new Entry(generation, scheduling.schedule(tick), times, notifyDone));
	}

	private void refuseWhenClosed(String what) {
		if (this.closed || this.owner.kernel.timersClosed()) {
			throw new ActorException(what + " of actor '" + this.owner.name()
					+ "' refused: timers are closed because the actor or its core is shutting down.");
		}
	}

	/**
	 * An idle timeout: its message, and when the actor last took mail on the timers' clock
	 * (written in its turns only).
	 */
	static final class Idle {

		final long quietNanos;

		final Message message;

		final Handler handler;

		long lastTaken;

		/** The check at the end of the current quiet period. Guarded by the timers. */
		Future<?> check;

		Idle(long quietNanos, Message message, Handler handler, long now) {
			this.quietNanos = quietNanos;
			this.message = message;
			this.handler = handler;
			this.lastTaken = now;
			this.check = CompletableFuture.completedFuture(null);
		}

	}

	/** One running timer; {@code remaining} ticks to accept, 0 for forever. Guarded by the timers. */
	private static final class Entry {

		final long generation;

		final Future<?> future;

		int remaining;

		final boolean notifyDone;

		Entry(long generation, Future<?> future, int remaining, boolean notifyDone) {
			this.generation = generation;
			this.future = future;
			this.remaining = remaining;
			this.notifyDone = notifyDone;
		}

	}

	@FunctionalInterface
	private interface Scheduling {

		Future<?> schedule(Runnable tick);

	}

}
