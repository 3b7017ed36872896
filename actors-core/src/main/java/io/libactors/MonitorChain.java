package io.libactors;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors given to a {@link Core}, called in order; what one throws is logged (rate-limited)
 * and does not reach the others or the actor. Thread-safe.
 */
final class MonitorChain implements ActorMonitor {

	private static final Logger logger = LoggerFactory.getLogger(ActorMonitor.class);

	private final ActorMonitor[] monitors;

	private final RateLimitedLog log = new RateLimitedLog(10, 10_000_000_000L);

	MonitorChain(List<ActorMonitor> monitors) {
		this.monitors = monitors.toArray(ActorMonitor[]::new);
	}

	@Override
	public void started(ActorProxy<?> actor, @Nullable String template) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				monitor.started(actor, template);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
	}

	@Override
	public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				monitor.stopped(actor, template, failed);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
	}

	@Override
	public void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			HandlerCounts counts) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				monitor.handlerAdded(actor, template, messageType, counts);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
	}

	@Override
	public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			Throwable error) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				monitor.handlerFailed(actor, template, messageType, error);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
	}

	@Override
	public void deadLetter(String reason) {
		for (ActorMonitor monitor : this.monitors) {
			try {
				monitor.deadLetter(reason);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
	}

	private void failed(ActorMonitor monitor, RuntimeException ex) {
		int held = this.log.acquire();
		if (held >= 0) {
			logger.warn("Monitor {} threw {}{}", monitor.getClass().getName(), ex.getClass().getName(),
					(held > 0) ? " (" + held + " more not logged)" : "", ex);
		}
	}

}
