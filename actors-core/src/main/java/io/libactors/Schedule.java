package io.libactors;

import java.time.Duration;
import java.util.Objects;

import io.libactors.internal.Durations;
import org.jspecify.annotations.Nullable;

/**
 * When a timer ticks: {@code Schedule.every(Duration.ofSeconds(5)).after(Duration.ZERO).times(3)}.
 * By default the first tick comes one interval after the start, ticks repeat forever, and
 * each waits a full interval after the previous one was sent (fixed delay). Immutable and
 * thread-safe; every method returns a new schedule.
 */
public final class Schedule {

	private final Duration interval;

	private final @Nullable Duration firstDelay;

	private final int times;

	private final boolean fixedRate;

	private Schedule(Duration interval, @Nullable Duration firstDelay, int times, boolean fixedRate) {
		this.interval = interval;
		this.firstDelay = firstDelay;
		this.times = times;
		this.fixedRate = fixedRate;
	}

	/**
	 * Ticks every {@code interval}, the first after one interval, forever, with a fixed delay.
	 * @throws IllegalArgumentException for a non-positive interval
	 */
	public static Schedule every(Duration interval) {
		return new Schedule(Durations.requirePositive(interval, "interval", "Schedule interval"), null, 0, false);
	}

	/**
	 * The first tick comes after {@code delay} instead of one interval.
	 * @throws IllegalArgumentException for a negative delay
	 */
	public Schedule after(Duration delay) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("Schedule delay must not be negative, but was " + delay + ".");
		}
		return new Schedule(this.interval, delay, this.times, this.fixedRate);
	}

	/** The first tick comes at once. */
	public Schedule now() {
		return after(Duration.ZERO);
	}

	/**
	 * Ticks {@code n} times, then sends {@link TimerDone} if the owner handles it.
	 * @throws IllegalArgumentException unless {@code n} is positive
	 */
	public Schedule times(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("Schedule times must be positive, but was " + n + ".");
		}
		return new Schedule(this.interval, this.firstDelay, n, this.fixedRate);
	}

	/** Ticks at a fixed rate: every interval from the first tick, however long each took. */
	public Schedule fixedRate() {
		return new Schedule(this.interval, this.firstDelay, this.times, true);
	}

	/** Waits a full interval after each tick was sent (the default). */
	public Schedule fixedDelay() {
		return new Schedule(this.interval, this.firstDelay, this.times, false);
	}

	/** The time between ticks. */
	public Duration interval() {
		return this.interval;
	}

	/** The time before the first tick. */
	public Duration firstDelay() {
		return (this.firstDelay != null) ? this.firstDelay : this.interval;
	}

	/** How many ticks, 0 for forever. */
	public int repetitions() {
		return this.times;
	}

	/** Whether ticks keep a fixed rate rather than a fixed delay. */
	public boolean isFixedRate() {
		return this.fixedRate;
	}

	@Override
	public String toString() {
		return "every " + this.interval + ", first after " + firstDelay() + ", "
				+ ((this.times > 0) ? this.times + " times" : "forever") + ", "
				+ (this.fixedRate ? "fixed rate" : "fixed delay");
	}

}
