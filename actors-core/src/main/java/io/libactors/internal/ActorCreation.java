package io.libactors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorNameException;
import io.libactors.ActorProxy;
import io.libactors.Pool;
import io.libactors.Routing;
import io.libactors.ActorTemplate;
import io.libactors.ActorTemplates;
import io.libactors.HandlerRegistrationException;
import io.libactors.Supervision;
import io.libactors.internal.handler.HandlerTable;
import io.libactors.internal.handler.HandlerTables;
import io.libactors.internal.observe.MonitorChain;
import org.jspecify.annotations.Nullable;

/**
 * How an actor comes to be and goes: its instance from an instance, a factory or a template,
 * its handler table checked, its cell built, announced to the monitor, its name claimed (taking
 * over the proxies that waited for it), its topics joined; and, as it ends, the reverse.
 * <p>
 * Threading: any thread; a parent's children are created inside its turn.
 */
public final class ActorCreation {

	private final Kernel kernel;

	private final ActorRegistry registry;

	private final Topics topics;

	private final HandlerTables tables;

	private final ActorTemplates templates;

	/** The origin the actors of each templated type share, while its template stays the same. */
	private final ConcurrentHashMap<Class<?>, ActorOrigin> templateOrigins = new ConcurrentHashMap<>();

	/** The origin of actors made from an instance, supervised with RESUME, with the core's settings. */
	private final ActorOrigin resumingInstance;

	ActorCreation(Kernel kernel, ActorRegistry registry, Topics topics, HandlerTables tables, ActorTemplates templates) {
		this.kernel = kernel;
		this.registry = registry;
		this.topics = topics;
		this.tables = tables;
		this.templates = templates;
		this.resumingInstance = kernel.origin(null, null, Supervision.RESUME, null, null, false);
	}

	/**
	 * Creates an actor from an instance, supervised with {@link Supervision#RESUME}. Never waits
	 * for {@code initialize}.
	 * @throws HandlerRegistrationException when its handlers are invalid
	 * @throws ActorNameException when the name is invalid or taken
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, A actor) {
		return createActor(name, actor, Supervision.RESUME);
	}

	/**
	 * Creates an actor from an instance.
	 * @throws ActorException for {@link Supervision#RESTART}, which needs a factory
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, A actor, Supervision supervision) {
		Objects.requireNonNull(actor, "actor must not be null");
		Objects.requireNonNull(supervision, "supervision must not be null");
		if (supervision == Supervision.RESTART) {
			throw new ActorException("Actor '" + name + "' (" + actor.getClass().getName() + ") cannot use RESTART: it "
					+ "was created from an instance. Pass a Supplier to createActor, or use a template.");
		}
		return register(name, actor, instanceOrigin(name, supervision), null);
	}

	/**
	 * Creates an actor whose instances (the first, and one per restart) come from {@code factory}.
	 * A method reference or lambda needs its type spelled out, or the instance overload makes the
	 * call ambiguous: {@code Supplier<Worker> factory = Worker::new; core.createActor("w", factory,
	 * Supervision.RESTART)}.
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, Supplier<? extends A> factory,
			Supervision supervision) {
		Objects.requireNonNull(factory, "factory must not be null");
		Objects.requireNonNull(supervision, "supervision must not be null");
		A actor = Objects.requireNonNull(factory.get(), "factory returned null");
		return register(name, actor, this.kernel.origin(name, factory, supervision, null, null, false), null);
	}

	/** See {@link Core#createActor(String, Supplier, Supervision, Consumer)}. */
	@SuppressWarnings("unchecked")
	public <A extends Actor> ActorProxy<A> createActor(String name, Supplier<? extends A> factory,
			Supervision supervision, Consumer<? super A> destroyer) {
		Objects.requireNonNull(factory, "factory must not be null");
		Objects.requireNonNull(supervision, "supervision must not be null");
		Objects.requireNonNull(destroyer, "destroyer must not be null");
		A actor = Objects.requireNonNull(factory.get(), "factory returned null");
		// the instances the actor is done with are the factory's, so of type A
		Consumer<Actor> done = (instance) -> destroyer.accept((A) instance);
		return register(name, actor, this.kernel.origin(name, factory, supervision, done, null, false), null);
	}

	/**
	 * Creates an actor from the template of {@code type}: in plain Java its public no-argument
	 * constructor; in Spring a prototype bean.
	 * @throws ActorException when {@code type} has no template
	 */
	public <A extends Actor> ActorProxy<A> createActor(Class<A> type, String name) {
		return createFromTemplate(type, name, null);
	}

	/** The actors made on this thread inside {@link #startTogether}, or {@code null} outside one. */
	private final ThreadLocal<@Nullable List<ActorCell>> together = new ThreadLocal<>();

	/** See {@link io.libactors.Core#createPool}. */
	public <A extends Actor> Pool<A> createPool(Class<A> type, String name, int size, Routing routing) {
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(routing, "routing must not be null");
		return new ActorPool<>(this, type, name, size, routing);
	}

	<A extends Actor> ActorProxy<A> createChild(ActorCell parent, String name, A actor) {
		Objects.requireNonNull(actor, "actor must not be null");
		return register(name, actor, instanceOrigin(name, Supervision.RESUME), parent);
	}

	<A extends Actor> ActorProxy<A> createChild(ActorCell parent, Class<A> type, String name) {
		return createFromTemplate(type, name, parent);
	}

	private <A extends Actor> ActorProxy<A> createFromTemplate(Class<A> type, String name,
			@Nullable ActorCell parent) {
		Objects.requireNonNull(type, "type must not be null");
		ActorTemplate template = this.templates.find(type);
		if (template == null) {
			throw new ActorException("No template for actor type " + type.getName() + ": give it a public no-argument "
					+ "constructor (plain Java) or declare it as a @Scope(\"prototype\") @ActorComponent (Spring).");
		}
		Actor actor = Objects.requireNonNull(template.factory().get(), "template factory returned null");
		if (!type.isInstance(actor)) {
			throw new ActorException("Template " + template.name() + " made a " + actor.getClass().getName()
					+ ", not a " + type.getName() + ".");
		}
		return register(name, actor, originOf(type, template, name), parent);
	}

	private ActorOrigin instanceOrigin(String name, Supervision supervision) {
		return (supervision == Supervision.RESUME && !this.kernel.hasOwnSettings(name)) ? this.resumingInstance
				: this.kernel.origin(name, null, supervision, null, null, false);
	}

	/** Shared by the actors of one template, but for an actor with settings of its own. */
	private ActorOrigin originOf(Class<?> type, ActorTemplate template, String name) {
		if (this.kernel.hasOwnSettings(name)) {
			return this.kernel.origin(name, template.factory(), template.supervision(), template.destroyer(),
					template.name(), false);
		}
		ActorOrigin origin = this.templateOrigins.get(type);
		if (origin == null || origin.factory() != template.factory() || origin.destroyer() != template.destroyer()
				|| origin.supervision() != template.supervision() || !template.name().equals(origin.template())) {
			origin = this.kernel.origin(null, template.factory(), template.supervision(), template.destroyer(),
					template.name(), false);
			this.templateOrigins.put(type, origin);
		}
		return origin;
	}

	@SuppressWarnings("unchecked")
	private <A extends Actor> ActorProxy<A> register(String name, Actor actor, ActorOrigin origin,
			@Nullable ActorCell parent) {
		ActorRegistry.validateName(name);
		if (this.kernel.isShuttingDown()) {
			origin.destroy(actor);
			throw new ActorException("Actor '" + name + "' not created: the core is shutting down.");
		}
		if (parent != null && parent.state() >= ActorCell.STOPPING) {
			origin.destroy(actor);
			throw new ActorException("Actor '" + name + "' not created: its parent '" + parent.name() + "' is stopping.");
		}
		HandlerTable table;
		try {
			table = this.tables.tableOf(actor);
		}
		catch (RuntimeException ex) {
			origin.destroy(actor);
			throw ex;
		}
		ActorCell cell = new ActorCell(this.kernel, name, parent, origin, actor, table);
		List<ActorCell> together = this.together.get();
		if (together != null) {
			// held: mail waits and no turn runs until startTogether submits it
			cell.status = Mailbox.SCHEDULED;
		}
		MonitorChain monitors = this.kernel.monitors();
		cell.monitors = monitors;
		// The monitors hear of the actor before anyone can reach it, so before its stop.
		if (monitors != null) {
			monitors.started(cell, origin.template());
		}
		PendingActor pending;
		try {
			pending = this.registry.claim(name, cell);
		}
		catch (RuntimeException ex) {
			origin.destroy(actor);
			if (monitors != null) {
				monitors.stopped(cell, origin.template(), false);
			}
			throw ex;
		}
		if (this.kernel.monitors() != monitors) {
			// A monitor attached meanwhile and may have listed the actors before this one.
			cell.catchUpMonitors();
		}
		if (parent != null) {
			parent.addChild(cell);
		}
		this.topics.join(cell);
		if (together != null) {
			together.add(cell);
		}
		else if (table.initializes || pending != null) {
			cell.schedule();
		}
		if (this.kernel.isShuttingDown()) {
			// Shutdown began after the check above and may have listed the actors before this one.
			cell.end();
		}
		return (ActorProxy<A>) (ActorProxy<?>) cell;
	}

	/** See {@link io.libactors.Core#startTogether}. */
	public void startTogether(Runnable registration) {
		if (this.together.get() != null) {
			registration.run(); // within another: that one starts them
			return;
		}
		List<ActorCell> made = new ArrayList<>();
		this.together.set(made);
		try {
			registration.run();
		}
		finally {
			this.together.remove();
			for (ActorCell cell : made) {
				cell.submit();
			}
		}
	}

	void unregister(ActorCell cell) {
		this.registry.remove(cell);
		this.topics.leave(cell);
		if (cell.parent != null) {
			cell.parent.removeChild(cell);
		}
	}

}
