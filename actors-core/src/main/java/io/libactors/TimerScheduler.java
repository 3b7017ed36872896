package io.libactors;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where timer ticks are scheduled. The core's default wraps a
 * {@link ScheduledExecutorService}; the Spring starter plugs in the application's
 * {@code TaskScheduler}. Implementations must be thread-safe.
 */
public interface TimerScheduler {

	/** Runs {@code task} once after {@code delay}. */
	Future<?> schedule(Runnable task, Duration delay);

	/** Runs {@code task} after {@code initialDelay}, then {@code delay} after each run ends. */
	Future<?> scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay);

	/** Runs {@code task} after {@code initialDelay}, then every {@code period}. */
	Future<?> scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

	/**
	 * This scheduler's time, in nanoseconds from an arbitrary origin, as {@link System#nanoTime()}
	 * is (its default): what its delays count from. A clock a test moves answers its own.
	 */
	default long nanoTime() {
		return System.nanoTime();
	}

	/**
	 * A scheduler backed by an executor service.
	 * @param executor the executor; its owner shuts it down
	 * @return the scheduler
	 */
	static TimerScheduler of(ScheduledExecutorService executor) {
		return new TimerScheduler() {

			@Override
			public Future<?> schedule(Runnable task, Duration delay) {
				return executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
			}

			@Override
			public Future<?> scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
				return executor.scheduleWithFixedDelay(task, initialDelay.toNanos(), delay.toNanos(),
						TimeUnit.NANOSECONDS);
			}

			@Override
			public Future<?> scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
				return executor.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(),
						TimeUnit.NANOSECONDS);
			}

		};
	}

}
