package io.libactors.spring.boot.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the actors: {@code DOWN}, naming the actor, while a handler (or the
 * {@code CompletionStage} it returned) has run longer than the stuck threshold, and for the
 * failure window after an actor stopped because of a failure. Actors made from prototype
 * templates never count. Thread-safe.
 */
public class ActorsHealthIndicator implements HealthIndicator, ActorMonitor {

	private final Core core;

	private final Duration stuckThreshold;

	private final Duration failureWindow;

	private final Clock clock;

	/** Actors not made from a template, the only ones whose health counts. */
	private final Map<String, ActorProxy<?>> watched = new ConcurrentHashMap<>();

	private final Map<String, Instant> failures = new ConcurrentHashMap<>();

	public ActorsHealthIndicator(Core core, Duration stuckThreshold, Duration failureWindow,
			Clock clock) {
		this.core = core;
		this.stuckThreshold = stuckThreshold;
		this.failureWindow = failureWindow;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Map<String, Object> stuck = new LinkedHashMap<>();
		this.core.longRunning(this.stuckThreshold).forEach((name, running) -> {
			if (this.watched.containsKey(name)) {
				stuck.put(name, "handling one message for " + running.toMillis() + " ms");
			}
		});
		Instant since = this.clock.instant().minus(this.failureWindow);
		Map<String, Object> failed = new LinkedHashMap<>();
		this.failures.forEach((name, when) -> {
			if (when.isAfter(since)) {
				failed.put(name, "stopped after a failure at " + when);
			}
		});
		this.failures.values().removeIf((when) -> !when.isAfter(since));
		if (stuck.isEmpty() && failed.isEmpty()) {
			return Health.up().build();
		}
		Health.Builder health = Health.down();
		if (!stuck.isEmpty()) {
			health.withDetail("stuck", stuck);
		}
		if (!failed.isEmpty()) {
			health.withDetail("failed", failed);
		}
		return health.build();
	}

	@Override
	public void started(ActorProxy<?> actor, @Nullable String template) {
		if (template == null) {
			this.watched.put(actor.name(), actor);
		}
	}

	@Override
	public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
		if (template == null) {
			if (this.watched.remove(actor.name(), actor) && failed) {
				this.failures.put(actor.name(), this.clock.instant());
			}
		}
	}

}
