package io.libactors.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;

import io.libactors.ActorException;
import io.libactors.Message;
import io.libactors.Schedule;
import io.libactors.TimerScheduler;
import io.libactors.Timers;

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

	/**
	 * Whether a tick is from the current timer of its key. A single timer's tick ends it.
	 * Ticks of a cancelled or replaced timer may still sit in the mailbox: this is where they
	 * are dropped, as the generation stamp no longer matches.
	 */
	synchronized boolean accept(TickNode tick) {
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

	/** Cancels every timer and refuses new ones. */
	synchronized void close() {
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
		if (this.closed || this.owner.kernel.timersClosed()) {
			throw new ActorException("Timer '" + key + "' of actor '" + this.owner.name()
					+ "' refused: timers are closed because the actor or its core is shutting down.");
		}
		cancel(key);
		long generation = ++this.generations;
		Runnable tick = () -> this.owner.deliverTick(key, generation, message);
		this.entries.put(key, new Entry(generation, scheduling.schedule(tick), times, notifyDone));
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
