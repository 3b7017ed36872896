package io.libactors.spring.actuate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;

import org.jspecify.annotations.Nullable;

/**
 * The actors' Micrometer meters: {@code actors.mailbox.depth}, {@code actors.handler.duration},
 * {@code actors.handler.failures} and {@code actors.dead.letters}. The {@code actor} tag is the
 * actor's name, or its template's name for actors made from a prototype, so that 100k actors of
 * one template make one set of meters. Gauges never keep a stopped actor alive. Thread-safe.
 */
public class ActorMeters implements ActorMonitor {

	static final String MAILBOX_DEPTH = "actors.mailbox.depth";

	static final String HANDLER_DURATION = "actors.handler.duration";

	static final String HANDLER_FAILURES = "actors.handler.failures";

	static final String DEAD_LETTERS = "actors.dead.letters";

	private final MeterRegistry registry;

	private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

	/** Mailbox gauges of actors that are not from templates, by name: guarded by {@code this}. */
	private final Map<String, Tracked> singles = new HashMap<>();

	/** The live actors of each template, summed by one gauge per template. */
	private final Map<String, Set<ActorProxy<?>>> templates = new ConcurrentHashMap<>();

	public ActorMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void started(ActorProxy<?> actor, @Nullable String template) {
		if (template != null) {
			this.templates.computeIfAbsent(template, this::templateGauge).add(actor);
			return;
		}
		synchronized (this) {
			Tracked previous = this.singles.remove(actor.name());
			if (previous != null) {
				this.registry.remove(previous.gauge());
			}
			Gauge gauge = Gauge.builder(MAILBOX_DEPTH, actor, ActorProxy::mailboxSize)
				.description("Messages waiting in actors' mailboxes")
				.tag("actor", actor.name())
				.register(this.registry);
			this.singles.put(actor.name(), new Tracked(actor, gauge));
		}
	}

	private Set<ActorProxy<?>> templateGauge(String template) {
		Set<ActorProxy<?>> live = ConcurrentHashMap.newKeySet();
		Gauge.builder(MAILBOX_DEPTH, live, ActorMeters::depth)
			.description("Messages waiting in actors' mailboxes")
			.tag("actor", template)
			.strongReference(true)
			.register(this.registry);
		return live;
	}

	private static double depth(Set<ActorProxy<?>> actors) {
		long depth = 0;
		for (ActorProxy<?> actor : actors) {
			depth += actor.mailboxSize();
		}
		return depth;
	}

	@Override
	public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
		if (template != null) {
			Set<ActorProxy<?>> live = this.templates.get(template);
			if (live != null) {
				live.remove(actor);
			}
			return;
		}
		synchronized (this) {
			Tracked tracked = this.singles.get(actor.name());
			if (tracked != null && tracked.actor() == actor) {
				this.singles.remove(actor.name());
				this.registry.remove(tracked.gauge());
			}
		}
	}

	@Override
	public HandlerProbe probe(ActorProxy<?> actor, @Nullable String template, Class<?> messageType) {
		String tag = (template != null) ? template : actor.name();
		String message = messageType.getSimpleName();
		Timer timer = Timer.builder(HANDLER_DURATION)
			.description("Time actors spend handling messages")
			.tags("actor", tag, "message", message)
			.register(this.registry);
		return (nanos, error) -> {
			timer.record(nanos, TimeUnit.NANOSECONDS);
			if (error != null) {
				Counter.builder(HANDLER_FAILURES)
					.description("Messages whose handler threw")
					.tags("actor", tag, "message", message, "exception", error.getClass().getSimpleName())
					.register(this.registry)
					.increment();
			}
		};
	}

	@Override
	public void deadLetter(String reason) {
		this.deadLetters.computeIfAbsent(reason,
				(key) -> Counter.builder(DEAD_LETTERS)
					.description("Messages that were not handled, by reason")
					.tag("reason", key)
					.register(this.registry))
			.increment();
	}

	private record Tracked(ActorProxy<?> actor, Gauge gauge) {
	}

}
