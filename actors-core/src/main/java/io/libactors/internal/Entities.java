package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.ActorTemplate;
import io.libactors.ActorTemplates;
import io.libactors.EntityRouter;
import io.libactors.EntityStateStore;
import io.libactors.Message;
import io.libactors.StatefulActor;
import io.libactors.internal.handler.HandlerTable;
import io.libactors.internal.handler.HandlerTables;
import io.libactors.internal.observe.MonitorChain;
import org.jspecify.annotations.Nullable;

/**
 * The entities of one core: actors named by a template and an id, activated by their first
 * message and passivated after a while without mail.
 * <p>
 * An activation is an ordinary cell named {@code template/id} (a name no other actor can have:
 * names have no {@code /}). It passivates by closing its mailbox in its own turn
 * ({@link Mailbox#close}); mail linked after that is sent again by its sender to the next
 * activation, which replaces the ending one in the registry at once but takes no turn before the
 * ending one has saved its state: so no message is lost or reordered per sender, and two
 * activations of an entity never run at once.
 * <p>
 * Threading: any thread; the sweep runs on the core's deadline timer.
 */
final class Entities {

	/** One template used for entities: what its activations share. */
	record Kind(Class<? extends Actor> type, String template, ActorTemplate source, ActorOrigin origin) {
	}

	/** What the sweep knows of an activation: its messages taken, and since when that did not move. */
	private static final class Activity {

		long taken;

		long since;

		Activity(long since) {
			this.since = since;
		}

	}

	private final Kernel kernel;

	private final ActorRegistry registry;

	private final HandlerTables tables;

	private final ActorTemplates templates;

	private final EntityStateStore store;

	/** 0 for never. */
	private final long passivateAfterNanos;

	private final ConcurrentHashMap<Class<?>, Kind> kinds = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Kind> kindsByTemplate = new ConcurrentHashMap<>();

	/** The activations the sweep looks at; only with passivation. */
	private final Map<ActorCell, Activity> active = new ConcurrentHashMap<>();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	Entities(Kernel kernel, ActorRegistry registry, HandlerTables tables, ActorTemplates templates,
			EntityStateStore store, Duration passivateAfter) {
		this.kernel = kernel;
		this.registry = registry;
		this.tables = tables;
		this.templates = templates;
		this.store = store;
		this.passivateAfterNanos = passivateAfter.toNanos();
	}

	/** See {@link io.libactors.Core#entity(Class, String)}. */
	<A extends Actor> ActorProxy<A> proxy(Class<A> type, String id) {
		return proxy(type, id, false);
	}

	/** @param here whether the proxy delivers on this instance, whatever the router would say */
	@SuppressWarnings("unchecked")
	private <A extends Actor> ActorProxy<A> proxy(Class<A> type, String id, boolean here) {
		Objects.requireNonNull(type, "type must not be null");
		ActorRegistry.validate("Entity id", id);
		Kind kind = this.kinds.computeIfAbsent(type, this::newKind);
		return (ActorProxy<A>) new EntityProxy(this.kernel, kind, id, here);
	}

	/** Where a router delivers the mail it brought to this instance. */
	EntityRouter.Inbox inbox() {
		return new EntityRouter.Inbox() {

			@Override
			public void tell(Class<? extends Actor> type, String id, Message message) {
				proxy(type, id, true).tell(message);
			}

			@Override
			public <R> CompletableFuture<R> ask(Class<? extends Actor> type, String id, Message message,
					Class<R> replyType, Duration timeout) {
				return proxy(type, id, true).ask(message, replyType, timeout);
			}

			@Override
			public CompletableFuture<Void> passivate(Class<? extends Actor> type, String id) {
				return proxy(type, id, true).stop();
			}

			@Override
			public List<String> activeEntities() {
				List<String> names = new ArrayList<>();
				for (Object value : Entities.this.registry.entries()) {
					if (value instanceof ActorCell cell && cell.origin.entity() && cell.takesMail()) {
						names.add(cell.name);
					}
				}
				return names;
			}

		};
	}

	private Kind newKind(Class<?> type) {
		@SuppressWarnings("unchecked")
		Class<? extends Actor> actorType = (Class<? extends Actor>) type;
		ActorTemplate template = this.templates.find(actorType);
		if (template == null) {
			throw new ActorException("No template for entity type " + type.getName() + ": give it a public "
					+ "no-argument constructor (plain Java) or declare it as a @Scope(\"prototype\") @ActorComponent "
					+ "(Spring).");
		}
		// its handlers are checked now, before any message, rather than at the first activation
		this.tables.tableFor(type);
		EntityRouter router = this.kernel.entityRouter;
		if (router != null) {
			router.checkTemplate(template.name(), actorType);
		}
		ActorOrigin origin = this.kernel.origin(null, template.factory(), template.supervision(), template.destroyer(),
				template.name(), true);
		Kind kind = new Kind(actorType, template.name(), template, origin);
		Kind other = this.kindsByTemplate.putIfAbsent(template.name(), kind);
		if (other != null && other.type() != type) {
			throw new ActorException("Entity types " + other.type().getName() + " and " + type.getName()
					+ " have the same template name '" + template.name() + "', so their entities' names would clash: "
					+ "rename one of them (its bean name in Spring, its simple class name in plain Java).");
		}
		return kind;
	}

	/**
	 * The activation that takes the entity's mail now: the live one, or a new one (which waits
	 * for the ending one before its first turn).
	 * @return the activation, or {@code null} when the core is shutting down
	 * @throws ActorException when a new activation cannot be made (the actor limit, a failing template)
	 */
	@Nullable ActorCell activation(Kind kind, String id) {
		String name = kind.template() + '/' + id;
		for (;;) {
			ActorCell existing = this.registry.find(name);
			if (existing != null && existing.takesMail()) {
				return existing;
			}
			if (this.kernel.isShuttingDown()) {
				return null;
			}
			ActorCell made = activate(kind, name, existing);
			if (made != null) {
				return made;
			}
		}
	}

	/** A proxy of the entity of {@code cell} whose mail goes through the router. */
	ActorProxy<?> routed(ActorCell cell) {
		String template = Objects.requireNonNull(cell.origin.template());
		Kind kind = Objects.requireNonNull(this.kindsByTemplate.get(template));
		return new EntityProxy(this.kernel, kind, cell.name.substring(template.length() + 1), false);
	}

	/** The activation that takes mail the ending {@code cell} no longer takes; as {@link #activation}. */
	@Nullable ActorCell successor(ActorCell cell) {
		String template = Objects.requireNonNull(cell.origin.template());
		Kind kind = Objects.requireNonNull(this.kindsByTemplate.get(template));
		return activation(kind, cell.name.substring(template.length() + 1));
	}

	/** @return the new activation, or {@code null} when another sender activated the entity first */
	private @Nullable ActorCell activate(Kind kind, String name, @Nullable ActorCell predecessor) {
		Actor actor = Objects.requireNonNull(kind.source().factory().get(), "template factory returned null");
		HandlerTable table;
		try {
			if (!kind.type().isInstance(actor)) {
				throw new ActorException("Template " + kind.template() + " made a " + actor.getClass().getName()
						+ ", not a " + kind.type().getName() + ".");
			}
			table = this.tables.tableOf(actor);
		}
		catch (RuntimeException ex) {
			kind.origin().destroy(actor);
			throw ex;
		}
		ActorCell cell = new ActorCell(this.kernel, name, null, kind.origin(), actor, table);
		if (predecessor != null) {
			// held until the predecessor has ended: its mail waits, no turn runs
			cell.status = Mailbox.SCHEDULED;
		}
		MonitorChain monitors = this.kernel.monitors();
		cell.monitors = monitors;
		if (monitors != null) {
			monitors.started(cell, kind.template());
		}
		if (!this.registry.activate(name, predecessor, cell)) {
			kind.origin().destroy(actor);
			if (monitors != null) {
				monitors.stopped(cell, kind.template(), false);
			}
			return null;
		}
		if (this.kernel.monitors() != monitors) {
			cell.catchUpMonitors();
		}
		if (this.passivateAfterNanos > 0) {
			this.active.put(cell, new Activity(this.kernel.deadlines().nanoTime()));
			startSweeping();
		}
		if (predecessor != null) {
			predecessor.terminationFuture().whenComplete((done, failure) -> cell.submit());
		}
		else if (!cell.initialized) {
			cell.schedule();
		}
		if (this.kernel.isShuttingDown()) {
			cell.end();
		}
		return cell;
	}

	// ---- state, inside the activation's turn

	/** Before {@code initialize}: hands a {@code StatefulActor} the state its entity last saved. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void restore(ActorCell cell) {
		if (cell.actor instanceof StatefulActor stateful) {
			String template = Objects.requireNonNull(cell.origin.template());
			Object saved = this.store.load(template, cell.name.substring(template.length() + 1),
					stateTypeOf(stateful.getClass()));
			if (saved != null) {
				stateful.restore(saved);
			}
		}
	}

	/** The class {@code state()} declares: the most specific, as {@code getMethod} picks it over bridges. */
	private static Class<?> stateTypeOf(Class<?> actorClass) {
		try {
			return actorClass.getMethod("state").getReturnType();
		}
		catch (NoSuchMethodException ex) {
			return Object.class;
		}
	}

	/** As an activation that started ends: keeps the state of a {@code StatefulActor}. */
	void save(ActorCell cell) {
		if (!(cell.actor instanceof StatefulActor<?> stateful)) {
			return;
		}
		try {
			Object state = stateful.state();
			if (state != null) {
				String template = Objects.requireNonNull(cell.origin.template());
				this.store.save(template, cell.name.substring(template.length() + 1), state);
			}
		}
		catch (RuntimeException ex) {
			this.kernel.log.stateFailure(cell, ex);
		}
	}

	// ---- passivation

	private void startSweeping() {
		if (this.sweeping.get() || !this.sweeping.compareAndSet(false, true)) {
			return;
		}
		Duration every = Duration.ofNanos(Math.max(1_000_000L, this.passivateAfterNanos / 2));
		try {
			this.kernel.deadlines().scheduleWithFixedDelay(this::sweep, every, every);
		}
		catch (RejectedExecutionException ex) {
			// the core has terminated
		}
	}

	/**
	 * Asks every activation that took no mail for the passivation time, and is idle now (no
	 * handler, no queued mail, no actlet running), to passivate: checked every half of that time, so an entity passivates after one to one and
	 * a half times it without mail.
	 */
	private void sweep() {
		if (this.kernel.isShuttingDown()) {
			this.active.clear();
			return;
		}
		long now = this.kernel.deadlines().nanoTime();
		this.active.forEach((cell, activity) -> {
			if (!cell.takesMail()) {
				this.active.remove(cell);
				return;
			}
			long taken = cell.takenCount();
			if (taken != activity.taken || !cell.isQuiet() || cell.hasActlets()) {
				activity.taken = taken;
				activity.since = now;
			}
			else if (now - activity.since >= this.passivateAfterNanos) {
				activity.since = now;
				cell.enqueue(new PassivationNode(), true);
			}
		});
	}

}
