package io.libactors.spring.boot.autoconfigure.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The actors' Micrometer meters: {@code actors.mailbox.depth}, {@code actors.handler.duration}
 * (a function timer: count and total time),
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

	/** Strongly held: a function timer only keeps a weak reference to what it reads. */
	private final Map<String, HandlerTotals> handlerTotals = new ConcurrentHashMap<>();

	/** The counts each live actor registered, to retire when it stops. */
	private final Map<ActorProxy<?>, List<Registration>> countsByActor = new ConcurrentHashMap<>();

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
		retire(actor);
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
	public void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			HandlerCounts counts) {
		String tag = (template != null) ? template : actor.name();
		HandlerTotals totals = this.handlerTotals.computeIfAbsent(tag + '\u0000' + messageType.getSimpleName(),
				(key) -> register(new HandlerTotals(tag, messageType.getSimpleName())));
		totals.live.add(counts);
		this.countsByActor.computeIfAbsent(actor, (key) -> new CopyOnWriteArrayList<>())
			.add(new Registration(totals, counts));
	}

	@Override
	public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			Throwable error) {
		Counter.builder(HANDLER_FAILURES)
			.description("Messages whose handler threw")
			.tags("actor", (template != null) ? template : actor.name(), "message", messageType.getSimpleName(),
					"exception", error.getClass().getSimpleName())
			.register(this.registry)
			.increment();
	}

	/** A function timer reading the actors' own counts when scraped: nothing per message. */
	private HandlerTotals register(HandlerTotals totals) {
		FunctionTimer.builder(HANDLER_DURATION, totals, HandlerTotals::count, HandlerTotals::totalNanos,
				TimeUnit.NANOSECONDS)
			.description("Time actors spend handling messages")
			.tags("actor", totals.actor, "message", totals.message)
			.register(this.registry);
		return totals;
	}

	/** Moves a stopped actor's counts into the retired sums of its totals. */
	private void retire(ActorProxy<?> actor) {
		List<Registration> registrations = this.countsByActor.remove(actor);
		if (registrations != null) {
			for (Registration registration : registrations) {
				registration.totals().retire(registration.counts());
			}
		}
	}

	/** Handlings of one message type by one actor, or by all actors of one template. */
	private static final class HandlerTotals {

		final String actor;

		final String message;

		final Set<HandlerCounts> live = ConcurrentHashMap.newKeySet();

		private final LongAdder retiredCount = new LongAdder();

		private final LongAdder retiredNanos = new LongAdder();

		HandlerTotals(String actor, String message) {
			this.actor = actor;
			this.message = message;
		}

		long count() {
			long count = this.retiredCount.sum();
			for (HandlerCounts counts : this.live) {
				count += counts.count();
			}
			return count;
		}

		double totalNanos() {
			long nanos = this.retiredNanos.sum();
			for (HandlerCounts counts : this.live) {
				nanos += counts.totalNanos();
			}
			return nanos;
		}

		void retire(HandlerCounts counts) {
			this.retiredCount.add(counts.count());
			this.retiredNanos.add(counts.totalNanos());
			this.live.remove(counts);
		}

	}

	private record Registration(HandlerTotals totals, HandlerCounts counts) {
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
