package io.libactors;

import java.util.ArrayList;
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
	public @Nullable HandlerProbe probe(ActorProxy<?> actor, @Nullable String template, Class<?> messageType) {
		List<HandlerProbe> probes = new ArrayList<>(this.monitors.length);
		for (ActorMonitor monitor : this.monitors) {
			try {
				HandlerProbe probe = monitor.probe(actor, template, messageType);
				if (probe != null) {
					probes.add(guarded(monitor, probe));
				}
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		}
		if (probes.isEmpty()) {
			return null;
		}
		if (probes.size() == 1) {
			return probes.get(0);
		}
		HandlerProbe[] all = probes.toArray(HandlerProbe[]::new);
		return (nanos, error) -> {
			for (HandlerProbe probe : all) {
				probe.handled(nanos, error);
			}
		};
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

	private HandlerProbe guarded(ActorMonitor monitor, HandlerProbe probe) {
		return (nanos, error) -> {
			try {
				probe.handled(nanos, error);
			}
			catch (RuntimeException ex) {
				failed(monitor, ex);
			}
		};
	}

	private void failed(ActorMonitor monitor, RuntimeException ex) {
		int held = this.log.acquire();
		if (held >= 0) {
			logger.warn("Monitor {} threw {}{}", monitor.getClass().getName(), ex.getClass().getName(),
					(held > 0) ? " (" + held + " more not logged)" : "", ex);
		}
	}

}
