package io.libactors.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

import io.libactors.TimerScheduler;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Actor timers on a Spring {@link TaskScheduler}: the application's, or a private one that this
 * class shuts down when its bean is destroyed. Deliberately not a {@code TaskScheduler} bean
 * itself, so none of Boot's scheduling beans back off because of it. Thread-safe.
 */
public final class SpringTimerScheduler implements TimerScheduler, DisposableBean {

	private final TaskScheduler scheduler;

	private final @Nullable ThreadPoolTaskScheduler owned;

	private SpringTimerScheduler(TaskScheduler scheduler, @Nullable ThreadPoolTaskScheduler owned) {
		this.scheduler = scheduler;
		this.owned = owned;
	}

	/** Timers on the application's scheduler, which its owner shuts down. */
	public static SpringTimerScheduler shared(TaskScheduler scheduler) {
		return new SpringTimerScheduler(scheduler, null);
	}

	/** Timers on a scheduler of their own, initialised here and shut down by {@link #destroy()}. */
	public static SpringTimerScheduler owned(ThreadPoolTaskScheduler scheduler) {
		scheduler.initialize();
		return new SpringTimerScheduler(scheduler, scheduler);
	}

	@Override
	public Future<?> schedule(Runnable task, Duration delay) {
		return this.scheduler.schedule(task, at(delay));
	}

	@Override
	public Future<?> scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
		return this.scheduler.scheduleWithFixedDelay(task, at(initialDelay), delay);
	}

	@Override
	public Future<?> scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
		return this.scheduler.scheduleAtFixedRate(task, at(initialDelay), period);
	}

	private Instant at(Duration delay) {
		return this.scheduler.getClock().instant().plus(delay);
	}

	@Override
	public void destroy() {
		if (this.owned != null) {
			this.owned.shutdown();
		}
	}

}
