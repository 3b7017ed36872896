package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.libactors.internal.CoreSettings;
import io.libactors.internal.Durations;
import io.libactors.internal.Kernel;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, finds and stops actors, and owns the threads that run them. Plain Java: build one
 * with {@link #create()} or {@link #builder()}, and {@link #shutdown(Duration)} it at the end.
 * Thread-safe.
 */
public final class Core {

	private final Kernel kernel;

	private Core(Builder builder) {
		this.kernel = new Kernel(this, builder.settings(this));
		this.kernel.attachRouter();
	}

	/** A core with the defaults: a dispatcher pool sized to the CPUs, asks timing out after 5s. */
	public static Core create() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	// ---- creating and finding actors

	/**
	 * Creates an actor from an instance, supervised with {@link Supervision#RESUME}. Never waits
	 * for {@code initialize}.
	 * @throws HandlerRegistrationException when its handlers are invalid
	 * @throws ActorNameException when the name is invalid or taken
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, A actor) {
		return this.kernel.creation().createActor(name, actor);
	}

	/**
	 * Creates an actor from an instance.
	 * @throws ActorException for {@link Supervision#RESTART}, which needs a factory
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, A actor, Supervision supervision) {
		return this.kernel.creation().createActor(name, actor, supervision);
	}

	/**
	 * Creates an actor whose instances (the first, and one per restart) come from {@code factory}.
	 * A method reference or lambda needs its type spelled out, or the instance overload makes the
	 * call ambiguous: {@code Supplier<Worker> factory = Worker::new; core.createActor("w", factory,
	 * Supervision.RESTART)}.
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, Supplier<? extends A> factory,
			Supervision supervision) {
		return this.kernel.creation().createActor(name, factory, supervision);
	}

	/**
	 * Creates an actor whose instances come from {@code factory}, as above, and go to
	 * {@code destroyer} once done: the one a restart replaces, and the last when the actor ends.
	 * Called inside the actor's turn.
	 */
	public <A extends Actor> ActorProxy<A> createActor(String name, Supplier<? extends A> factory,
			Supervision supervision, Consumer<? super A> destroyer) {
		return this.kernel.creation().createActor(name, factory, supervision, destroyer);
	}

	/**
	 * Creates an actor from the template of {@code type}: in plain Java its public no-argument
	 * constructor; in Spring a prototype bean.
	 * @throws ActorException when {@code type} has no template
	 */
	public <A extends Actor> ActorProxy<A> createActor(Class<A> type, String name) {
		return this.kernel.creation().createActor(type, name);
	}

	/**
	 * Runs {@code registration}, holding the actors it creates on this thread until it returns:
	 * none runs {@code initialize} or takes mail before all of them exist, so their
	 * {@code initialize} finds the others (as a Spring application's singleton actors do).
	 */
	public void startTogether(Runnable registration) {
		this.kernel.creation().startTogether(registration);
	}

	/**
	 * Creates a pool of {@code size} actors from the template of {@code type}, named
	 * {@code name-1}, {@code name-2}, ..., behind one proxy that routes each message as
	 * {@code routing} says.
	 * @throws IllegalArgumentException for a size below 1
	 * @throws ActorException when {@code type} has no template
	 * @throws ActorNameException when a member's name is invalid or taken
	 */
	public <A extends Actor> Pool<A> createPool(Class<A> type, String name, int size, Routing routing) {
		return this.kernel.creation().createPool(type, name, size, routing);
	}

	/**
	 * The entity {@code id} of the template {@code type}: an actor activated by its first message
	 * (a new instance; for a {@link StatefulActor}, {@code restore} with the state its last
	 * activation saved, then {@code initialize}) and passivated after the builder's
	 * {@link Builder#passivateAfter passivateAfter} without mail ({@code ShutdownMessage}, its state
	 * saved, its instance destroyed). Mail that races a passivation goes to the next activation,
	 * in order per sender; two activations of one entity never run at once. Its name is
	 * {@code template/id}. Entities do not receive {@link #publish published} messages and cannot be
	 * watched. The proxy's {@code stop()} passivates the live activation now.
	 * @throws ActorNameException for an id no entity could have (as for names)
	 * @throws ActorException when {@code type} has no template or its handlers are invalid
	 */
	public <A extends Actor> ActorProxy<A> entity(Class<A> type, String id) {
		return this.kernel.entity(type, id);
	}

	/** The actor with this name, if one is alive. */
	public Optional<ActorProxy<?>> find(String name) {
		return this.kernel.find(name);
	}

	/**
	 * A proxy for {@code name}. If no such actor exists yet, the proxy buffers up to 1,000
	 * messages, delivered in order when it is created, and binds to that actor. A message waits
	 * no longer than an ask would for its reply (the ask timeout), then becomes a dead letter
	 * ({@code NO_SUCH_ACTOR}). It never creates the actor itself.
	 * @throws ActorNameException for a name no actor could have
	 */
	public ActorProxy<?> proxy(String name) {
		return this.kernel.proxy(name);
	}

	/** Sends {@code message} to every actor that handles its type (or a supertype of it). */
	public void publish(Message message) {
		this.kernel.delivery().publish(message);
	}

	/** Snapshots of every live actor. */
	public Collection<ActorInfo> actors() {
		return this.kernel.actors();
	}

	/** How many actors are alive. */
	public int actorCount() {
		return this.kernel.actorCount();
	}

	/**
	 * Snapshots of the live actors with the most mail waiting, deepest mailbox first, then by
	 * name; cheap with many actors (only these are snapshotted).
	 * @param limit how many at most
	 */
	public List<ActorInfo> busiest(int limit) {
		return this.kernel.busiest(limit);
	}

	/**
	 * The live actors whose current handler (or the {@code CompletionStage} it returned) has run
	 * for at least {@code threshold}, with how long it has run so far.
	 */
	public Map<String, Duration> longRunning(Duration threshold) {
		return this.kernel.longRunning(threshold);
	}

	/** A snapshot of one live actor. */
	public Optional<ActorInfo> actor(String name) {
		return this.kernel.actor(name);
	}

	/**
	 * Completes when the actor's {@code initialize} has returned; fails with its exception if it
	 * threw, however late this is asked, and fails if the actor stopped before it started.
	 * @param actor a proxy this core made
	 */
	public CompletableFuture<Void> whenStarted(ActorProxy<?> actor) {
		return this.kernel.whenStarted(actor);
	}

	/**
	 * Completes once the actor has stopped, however it stopped (its children first); does not
	 * stop it. At once for an actor that has stopped already.
	 * @param actor a proxy this core made
	 */
	public CompletableFuture<Void> whenStopped(ActorProxy<?> actor) {
		return this.kernel.whenStopped(actor);
	}

	/** Dead letters so far, all reasons. */
	public long deadLetterCount() {
		return this.kernel.deadLetterCount();
	}

	/** Dead letters so far with one reason (a {@link DeadLetter} constant). */
	public long deadLetterCount(String reason) {
		return this.kernel.deadLetterCount(reason);
	}

	/** Actlets cancelled because their owner stopped, so far: their results, if any, are dropped. */
	public long droppedActletResults() {
		return this.kernel.droppedActletResults();
	}

	/** A codec that reads back only the message types this core's actors handle. */
	public EnvelopeCodec envelopeCodec() {
		return new EnvelopeCodec(this.kernel.jsonMapper(), this.kernel.messageTypes());
	}

	/** The context every actor of this core shares. */
	public Context context() {
		return this.kernel.context();
	}

	/**
	 * Stops every actor gracefully: refuses new actors and new mail from outside
	 * ({@code SHUTTING_DOWN}), cancels timers, waits until no mailbox holds mail and no handler
	 * runs (mail actors send each other meanwhile still arrives), sends {@link ShutdownMessage} to
	 * every actor and waits for them. What is still queued at the deadline becomes dead letters
	 * ({@code SHUTDOWN_TIMEOUT}) with one WARN line. Idempotent: later calls wait for the first.
	 * @param timeout how long to wait in all
	 * @return whether every actor stopped in time
	 */
	public boolean shutdown(Duration timeout) {
		return this.kernel.shutdown(timeout);
	}

	/**
	 * Attaches a monitor to this running core, as {@link Builder#monitor(ActorMonitor)} does to a
	 * new one: each actor alive now is announced to it in its own turn (its start, then each
	 * handler it has used), and every actor made from now on when it is created. Every monitor
	 * hears of an actor once, its start before anything else of it; a monitor attached already
	 * is left as it is. Thread-safe.
	 */
	public void attachMonitor(ActorMonitor monitor) {
		this.kernel.attachMonitor(monitor);
	}

	/**
	 * Attaches the tracer to this running core, as {@link Builder#tracer(MessageTracer)} does to
	 * a new one: messages sent from now on carry their sender's tracing context. Thread-safe.
	 * @throws IllegalStateException when another tracer is attached
	 */
	public void attachTracer(MessageTracer tracer) {
		this.kernel.attachTracer(tracer);
	}

	/**
	 * Cancels every actor timer and refuses new ones; the first step of shutdown, callable
	 * earlier (Spring calls it when the context starts to close).
	 */
	public void closeTimers() {
		this.kernel.closeTimers();
	}

	/** Whether {@link #shutdown(Duration)} has begun. */
	public boolean isShuttingDown() {
		return this.kernel.isShuttingDown();
	}

	/** The runtime behind this core, for tests of the runtime (through their {@code CoreAccess}). */
	Kernel kernel() {
		return this.kernel;
	}

	/**
	 * Builds a {@link Core}. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable Executor executor;

		private @Nullable Executor actletExecutor;

		private @Nullable ScheduledExecutorService scheduler;

		private @Nullable TimerScheduler timerScheduler;

		private Duration askTimeout = Duration.ofSeconds(5);

		private int mailboxCapacity;

		private int throughput = 100;

		private int maxActors;

		private @Nullable Duration slowHandler;

		private @Nullable Supplier<? extends Context> context;

		private final List<ActorMonitor> monitors = new ArrayList<>();

		private @Nullable TimerScheduler clock;

		private @Nullable MessageTracer tracer;

		private boolean virtualThreads;

		private int maxRestarts = 10;

		private Duration restartWindow = Duration.ofMinutes(1);

		private @Nullable Backoff restartBackoff;

		private Function<String, @Nullable Executor> dispatchers = (name) -> null;

		private final Map<String, ActorSettings> actorSettings = new HashMap<>();

		private SerializationCheck serializationCheck = SerializationCheck.REGISTRATION;

		private @Nullable JsonMapper jsonMapper;

		private ActorTemplates templates = ActorTemplates.byConstructor();

		private Duration passivateAfter = Duration.ofMinutes(2);

		private EntityStateStore entityStateStore = EntityStateStore.inMemory();

		private @Nullable EntityRouter entityRouter;

		private Builder() {
		}

		/** Runs actors' turns; its owner shuts it down. Default: a pool sized to the CPUs. */
		public Builder executor(Executor executor) {
			this.executor = Objects.requireNonNull(executor, "executor must not be null");
			return this;
		}

		/** Runs actlets. Default: a cached pool (virtual threads if asked for). */
		public Builder actletExecutor(Executor executor) {
			this.actletExecutor = Objects.requireNonNull(executor, "executor must not be null");
			return this;
		}

		/** Schedules timer ticks; its owner shuts it down. Default: the core's own timer thread. */
		public Builder scheduler(ScheduledExecutorService scheduler) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
			return this;
		}

		/** Schedules timer ticks (takes precedence over {@link #scheduler}). */
		public Builder timerScheduler(TimerScheduler scheduler) {
			this.timerScheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
			return this;
		}

		/**
		 * For tests on a clock they move: runs on {@code clock} the actor timers (unless
		 * {@link #scheduler} or {@link #timerScheduler} is set too), the ask timeouts and how long
		 * mail waits for an actor that does not exist yet, each to the nanosecond of the clock's
		 * {@link TimerScheduler#nanoTime()}; timed-out asks fail on the thread that moves the
		 * clock. A {@code ShutdownMessage} handler's stage is still bounded in real time. By
		 * default all of these run on the core's own timer thread.
		 */
		public Builder clock(TimerScheduler clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/** Default ask timeout; 5 seconds unless set. */
		public Builder askTimeout(Duration timeout) {
			this.askTimeout = Durations.requirePositive(timeout, "timeout", "askTimeout");
			return this;
		}

		/** Mailbox bound per actor; 0 (the default) is unbounded. */
		public Builder mailboxCapacity(int capacity) {
			if (capacity < 0) {
				throw new IllegalArgumentException("mailboxCapacity must be 0 (unbounded) or positive, but was "
						+ capacity + ".");
			}
			this.mailboxCapacity = capacity;
			return this;
		}

		/**
		 * Most actors, counting proxies made for actors that do not exist yet, at once; 0 (the
		 * default) is no limit. Over it, {@code createActor} and {@code proxy} throw.
		 */
		public Builder maxActors(int maxActors) {
			if (maxActors < 0) {
				throw new IllegalArgumentException("maxActors must be 0 (no limit) or positive, but was " + maxActors
						+ ".");
			}
			this.maxActors = maxActors;
			return this;
		}

		/**
		 * Handlers (or their {@code CompletionStage}s) that take at least this long are logged at
		 * WARN with the actor, the message type and the time, at most 10 lines per 10 s; off
		 * unless set.
		 */
		public Builder slowHandlerThreshold(Duration threshold) {
			this.slowHandler = Durations.requirePositive(threshold, "threshold", "slowHandlerThreshold");
			return this;
		}

		/** Messages an actor handles per turn before it yields its thread; 100 unless set. */
		public Builder throughput(int throughput) {
			if (throughput < 1) {
				throw new IllegalArgumentException("throughput must be positive, but was " + throughput + ".");
			}
			this.throughput = throughput;
			return this;
		}

		/** The context every actor shares; a plain {@link Context} unless set. */
		public Builder context(Context context) {
			Objects.requireNonNull(context, "context must not be null");
			this.context = () -> context;
			return this;
		}

		/**
		 * The context every actor shares, obtained when first needed (when the first actor is
		 * created, at the latest), so that building the core does not depend on it.
		 */
		public Builder context(Supplier<? extends Context> context) {
			this.context = Objects.requireNonNull(context, "context must not be null");
			return this;
		}

		/** Carries tracing context from each sender to the handling of its message. */
		public Builder tracer(MessageTracer tracer) {
			this.tracer = Objects.requireNonNull(tracer, "tracer must not be null");
			return this;
		}

		/** Adds a monitor that sees actors start and stop, handlers and dead letters. */
		public Builder monitor(ActorMonitor monitor) {
			this.monitors.add(Objects.requireNonNull(monitor, "monitor must not be null"));
			return this;
		}

		/** Whether the default executors use virtual threads (Java 21+; ignored with a warning before). */
		public Builder virtualThreads(boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
			return this;
		}

		/** RESTART becomes STOP after more restarts than this within {@link #restartWindow}; 10. */
		public Builder maxRestarts(int maxRestarts) {
			this.maxRestarts = maxRestarts;
			return this;
		}

		/** The window of {@link #maxRestarts}; one minute unless set. */
		public Builder restartWindow(Duration window) {
			this.restartWindow = Objects.requireNonNull(window, "window must not be null");
			return this;
		}

		/**
		 * How long a RESTART waits before it builds the new instance, for actors whose
		 * {@link Actor#restartBackoff()} says nothing; at once unless set.
		 */
		public Builder restartBackoff(Backoff backoff) {
			this.restartBackoff = Objects.requireNonNull(backoff, "backoff must not be null");
			return this;
		}

		/**
		 * The executors that {@link Dispatcher @Dispatcher} names, by name ({@code null} for a name
		 * it does not know); {@value Dispatcher#VIRTUAL} is built in. Asked once per name; the core
		 * does not shut them down.
		 */
		public Builder dispatchers(Function<String, @Nullable Executor> dispatchers) {
			this.dispatchers = Objects.requireNonNull(dispatchers, "dispatchers must not be null");
			return this;
		}

		/**
		 * Settings for the actor of this name, or for every actor made from the template of this
		 * name (an entity type's too); an actor's own name wins over its template's. Set again,
		 * the later settings replace the earlier.
		 */
		public Builder actorSettings(String name, ActorSettings settings) {
			Objects.requireNonNull(name, "name must not be null");
			this.actorSettings.put(name, Objects.requireNonNull(settings, "settings must not be null"));
			return this;
		}

		/** How much JSON checking messages get; {@link SerializationCheck#REGISTRATION} unless set. */
		public Builder serializationCheck(SerializationCheck check) {
			this.serializationCheck = Objects.requireNonNull(check, "check must not be null");
			return this;
		}

		/** The mapper of the JSON check and the envelope codec. */
		public Builder jsonMapper(JsonMapper mapper) {
			this.jsonMapper = Objects.requireNonNull(mapper, "mapper must not be null");
			return this;
		}

		/** Where {@link Core#createActor(Class, String)} finds templates. */
		public Builder templates(ActorTemplates templates) {
			this.templates = Objects.requireNonNull(templates, "templates must not be null");
			return this;
		}

		/**
		 * How long an entity goes without mail before it passivates (checked every half of it);
		 * {@link Duration#ZERO} for never. Default: 2 minutes.
		 */
		public Builder passivateAfter(Duration passivateAfter) {
			Objects.requireNonNull(passivateAfter, "passivateAfter must not be null");
			if (passivateAfter.isNegative()) {
				throw new IllegalArgumentException("passivateAfter must be zero (never) or positive, but was "
						+ passivateAfter + ".");
			}
			this.passivateAfter = passivateAfter;
			return this;
		}

		/** Where entities' states are kept between activations. Default: {@link EntityStateStore#inMemory()}. */
		public Builder entityStateStore(EntityStateStore store) {
			this.entityStateStore = Objects.requireNonNull(store, "store must not be null");
			return this;
		}

		/** Places entities across instances (the cluster module's); default: every entity lives here. */
		public Builder entityRouter(EntityRouter router) {
			this.entityRouter = Objects.requireNonNull(router, "router must not be null");
			return this;
		}

		public Core build() {
			return new Core(this);
		}

		private CoreSettings settings(Core core) {
			Supplier<? extends Context> source = (this.context != null) ? this.context : Context::new;
			Supplier<Context> attached = () -> {
				Context context = Objects.requireNonNull(source.get(), "the context supplier returned null");
				context.attach(core);
				return context;
			};
			return new CoreSettings(this.executor, this.actletExecutor, this.scheduler, this.timerScheduler,
					this.askTimeout, this.mailboxCapacity, this.throughput, this.maxActors, this.slowHandler,
					attached, List.copyOf(this.monitors), this.tracer, this.virtualThreads, this.maxRestarts,
					this.restartWindow, this.restartBackoff, this.serializationCheck, this.jsonMapper, this.templates, this.clock,
					this.passivateAfter, this.entityStateStore, this.entityRouter, this.dispatchers,
					Map.copyOf(this.actorSettings));
		}

	}

}
