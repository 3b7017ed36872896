package io.libactors.internal.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors of a {@link io.libactors.Core}, called in order; what one throws is logged
 * (rate-limited) and does not reach the others or the actor. Immutable: attaching a monitor
 * makes a longer chain, so a chain an actor was announced to is a prefix of every later one.
 * Thread-safe.
 */
public final class MonitorChain implements ActorMonitor {

	private static final Logger logger = LoggerFactory.getLogger(ActorMonitor.class);

	private final ActorMonitor[] monitors;

	private final RateLimitedLog log = new RateLimitedLog(10, 10_000_000_000L);

	public MonitorChain(List<ActorMonitor> monitors) {
		this.monitors = monitors.toArray(ActorMonitor[]::new);
	}

	/** This chain and one more monitor, called last. */
	public MonitorChain with(ActorMonitor monitor) {
		List<ActorMonitor> longer = new ArrayList<>(List.of(this.monitors));
		longer.add(monitor);
		return new MonitorChain(longer);
	}

	public boolean contains(ActorMonitor monitor) {
		return List.of(this.monitors).contains(monitor);
	}

	/** The monitors of this chain that {@code older}, an earlier chain of the same core, lacks. */
	public MonitorChain since(@Nullable MonitorChain older) {
		int known = (older != null) ? older.monitors.length : 0;
		return new MonitorChain(List.of(this.monitors).subList(known, this.monitors.length));
	}

	@Override
	public void started(ActorProxy<?> actor, @Nullable String template) {
		each((monitor) -> monitor.started(actor, template));
	}

	@Override
	public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
		each((monitor) -> monitor.stopped(actor, template, failed));
	}

	@Override
	public void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			HandlerCounts counts) {
		each((monitor) -> monitor.handlerAdded(actor, template, messageType, counts));
	}

	@Override
	public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			Throwable error) {
		each((monitor) -> monitor.handlerFailed(actor, template, messageType, error));
	}

	@Override
	public void deadLetter(String reason) {
		each((monitor) -> monitor.deadLetter(reason));
	}

	/** Never on the per-message path: creation, stop, first use of a handler, failures, dead letters. */
	private void each(Consumer<ActorMonitor> call) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				call.accept(monitor);
			}
			catch (RuntimeException ex) {
				int held = this.log.acquire();
				if (held >= 0) {
					logger.warn("Monitor {} threw {}{}", monitor.getClass().getName(), ex.getClass().getName(),
							(held > 0) ? " (" + held + " more not logged)" : "", ex);
				}
			}
		}
	}

}
