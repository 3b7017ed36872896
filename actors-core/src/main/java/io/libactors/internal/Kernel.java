package io.libactors.internal;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorInfo;
import io.libactors.ActorMonitor;
import io.libactors.ActorNameException;
import io.libactors.ActorProxy;
import io.libactors.ActorSettings;
import io.libactors.Backoff;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.EntityRouter;
import io.libactors.Message;
import io.libactors.MessageTracer;
import io.libactors.Supervision;
import io.libactors.TimerScheduler;
import io.libactors.internal.handler.HandlerTables;
import io.libactors.internal.observe.MonitorChain;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime behind one {@link Core}: its settings and the parts every cell reaches, the
 * {@link ActorRegistry}, {@link ActorCreation}, {@link Delivery}, {@link HandlerTables},
 * {@link Topics}, {@link Dispatchers} and {@link ShutdownCoordinator}, and the queries
 * {@code Core} answers from them. Thread-safe.
 */
public final class Kernel {

	private final Core core;

	private final String id = Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36);

	/** The executors of turns and actlets, and the core's own timer. */
	private final Dispatchers dispatchers;

	private final TimerScheduler timerScheduler;

	private final @Nullable Backoff restartBackoff;

	/** Where ask timeouts and the wait of mail for a missing actor run: the core's timer, or a given clock. */
	private final TimerScheduler deadlines;

	private final AskTimeouts askTimeouts;

	private final Duration askTimeout;

	/** What the runtime logs, rate-limited where a storm is possible. */
	final RuntimeLog log;

	private final int mailboxCapacity;

	private final int throughput;

	/** Settings by actor or template name, over the core's. */
	private final Map<String, ActorSettings> actorSettings;

	private final Supplier<? extends Context> contextSource;

	private volatile @Nullable Context context;

	/** Grows as monitors attach; each actor knows the chain it was announced to. */
	private volatile @Nullable MonitorChain monitors;

	private volatile @Nullable MessageTracer tracer;

	private final int maxRestarts;

	private final long restartWindowNanos;

	private final JsonMapper jsonMapper;

	private final Mdc mdc = new Mdc();

	/** Names to actors, and to proxies waiting for theirs. */
	private final ActorRegistry registry;

	/** Who handles which published type. */
	private final Topics topics;

	private final DeadLetterOffice deadLetters = new DeadLetterOffice(this);

	private final AtomicLong incarnations = new AtomicLong();

	private final AtomicLong actletNumbers = new AtomicLong();

	/** Creating actors, and unregistering them as they end. */
	final ActorCreation creation;

	/** From a proxy to a mailbox, or to the dead letters. */
	final Delivery delivery;

	/** Where entities live when this core is one of several instances; {@code null} for here. */
	final @Nullable EntityRouter entityRouter;

	/** Entities: their activations and passivation. */
	final Entities entities;

	/** Who watches which actor. */
	final Watches watches = new Watches();

	/** Each actor class's checked table, and the message types by simple name. */
	final HandlerTables tables;

	/** Running, draining or terminated: the core's own lifecycle. */
	private final ShutdownCoordinator lifecycle;

	private final LongAdder droppedActletResults = new LongAdder();

	public Kernel(Core core, CoreSettings settings) {
		this.core = core;
		this.askTimeout = settings.askTimeout();
		this.mailboxCapacity = settings.mailboxCapacity();
		this.registry = new ActorRegistry(settings.maxActors());
		this.topics = new Topics(this.registry::entries);
		this.throughput = settings.throughput();
		this.actorSettings = settings.actorSettings();
		this.maxRestarts = settings.maxRestarts();
		this.restartWindowNanos = settings.restartWindow().toNanos();
		this.restartBackoff = settings.restartBackoff();
		this.log = new RuntimeLog((settings.slowHandler() != null) ? settings.slowHandler().toNanos() : Long.MAX_VALUE,
				this.maxRestarts, this.restartWindowNanos);
		this.jsonMapper = (settings.jsonMapper() != null) ? settings.jsonMapper() : JsonMapper.builder().build();
		// asked only once the core runs, when the coordinator below exists
		this.dispatchers = new Dispatchers(settings, this.log, this::isTerminated);
		TimerScheduler ownTimer = TimerScheduler.of(this.dispatchers.timer());
		this.deadlines = (settings.clock() != null) ? settings.clock() : ownTimer;
		this.askTimeouts = new AskTimeouts(this.deadlines, settings.clock() != null, this.dispatchers.completions());
		this.lifecycle = new ShutdownCoordinator(this.registry, this.deadLetters, this.askTimeouts, this.dispatchers);
		this.tables = new HandlerTables(this::context, settings.serializationCheck(), this.jsonMapper,
				this.dispatchers::check);
		this.creation = new ActorCreation(this, this.registry, this.topics, this.tables, settings.templates());
		this.entities = new Entities(this, this.registry, this.tables, settings.templates(),
				settings.entityStateStore(), settings.passivateAfter());
		this.delivery = new Delivery(this, this.topics, this.deadLetters, this.askTimeouts, settings.serializationCheck(),
				this.jsonMapper);
		if (settings.timerScheduler() != null) {
			this.timerScheduler = settings.timerScheduler();
		}
		else if (settings.scheduler() != null) {
			this.timerScheduler = TimerScheduler.of(settings.scheduler());
		}
		else {
			this.timerScheduler = this.deadlines;
		}
		this.contextSource = settings.context();
		this.entityRouter = settings.entityRouter();
		this.monitors = settings.monitors().isEmpty() ? null : new MonitorChain(settings.monitors());
		this.tracer = settings.tracer();
	}

	/** Tells the router where mail routed here comes in; once, when the core is built. */
	public void attachRouter() {
		if (this.entityRouter != null) {
			this.entityRouter.attach(this.entities.inbox());
		}
	}

	/** The public face of this runtime. */
	public Core core() {
		return this.core;
	}

	/** The actor with this name, if one is alive. */
	public Optional<ActorProxy<?>> find(String name) {
		return Optional.ofNullable(this.registry.find(name));
	}

	/**
	 * A proxy for {@code name}. If no such actor exists yet, the proxy buffers up to 1,000
	 * messages, delivered in order when it is created, and binds to that actor. A message waits
	 * no longer than an ask would for its reply (the ask timeout), then becomes a dead letter
	 * ({@code NO_SUCH_ACTOR}). It never creates the actor itself.
	 * @throws ActorNameException for a name no actor could have
	 */
	public ActorProxy<?> proxy(String name) {
		Object found = this.registry.cellOrPending(name);
		return (found instanceof ActorCell cell) ? cell : new LazyProxy(this, (PendingActor) found);
	}

	/** See {@link Core#entity(Class, String)}. */
	public <A extends Actor> ActorProxy<A> entity(Class<A> type, String id) {
		return this.entities.proxy(type, id);
	}

	/** Snapshots of every live actor. */
	public Collection<ActorInfo> actors() {
		return this.registry.actors();
	}

	/** How many actors are alive. */
	public int actorCount() {
		return this.registry.actorCount();
	}

	/** See {@link ActorRegistry#busiest(int)}. */
	public List<ActorInfo> busiest(int limit) {
		return this.registry.busiest(limit);
	}

	/** See {@link ActorRegistry#longRunning(Duration)}. */
	public Map<String, Duration> longRunning(Duration threshold) {
		return this.registry.longRunning(threshold);
	}

	/** A snapshot of one live actor. */
	public Optional<ActorInfo> actor(String name) {
		return this.registry.actor(name);
	}

	/**
	 * Completes when the actor's {@code initialize} has returned; fails with its exception if it
	 * threw, however late this is asked, and fails if the actor stopped before it started.
	 * @param actor a proxy this core made
	 */
	public CompletableFuture<Void> whenStarted(ActorProxy<?> actor) {
		ActorCell cell = cellOf(actor);
		return (cell != null) ? cell.startedFuture() : notOurs(actor);
	}

	/** Completes once the actor has stopped, however it stopped. */
	public CompletableFuture<Void> whenStopped(ActorProxy<?> actor) {
		ActorCell cell = cellOf(actor);
		return (cell != null) ? cell.terminationFuture().copy() : notOurs(actor);
	}

	private @Nullable ActorCell cellOf(ActorProxy<?> actor) {
		Objects.requireNonNull(actor, "actor must not be null");
		ActorCell cell = (actor instanceof LazyProxy lazy) ? lazy.bound() : (actor instanceof ActorCell found) ? found
				: null;
		return (cell != null && cell.kernel == this) ? cell : null;
	}

	private static CompletableFuture<Void> notOurs(ActorProxy<?> actor) {
		return CompletableFuture.failedFuture(
				new ActorException("No actor of this core is behind " + actor + ": pass a proxy its createActor made."));
	}

	/** Dead letters so far, all reasons. */
	public long deadLetterCount() {
		return this.deadLetters.total();
	}

	/** Dead letters so far with one reason (a {@link DeadLetter} constant). */
	public long deadLetterCount(String reason) {
		return this.deadLetters.count(reason);
	}

	/** Actlets cancelled because their owner stopped, so far: their results, if any, are dropped. */
	public long droppedActletResults() {
		return this.droppedActletResults.sum();
	}

	/** The mapper of the JSON check and the envelope codec. */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/** Names to actors, and to proxies waiting for theirs. */
	ActorRegistry registry() {
		return this.registry;
	}

	/** Where ask timeouts and the wait of mail for a missing actor run. */
	TimerScheduler deadlines() {
		return this.deadlines;
	}

	/** Creates actors and their children. */
	public ActorCreation creation() {
		return this.creation;
	}

	/** Delivers and publishes messages. */
	public Delivery delivery() {
		return this.delivery;
	}

	/** Each message type a registered actor handles, by its simple name; live. */
	public Map<String, Class<? extends Message>> messageTypes() {
		return this.tables.messageTypes();
	}

	/** The context every actor of this core shares. */
	public Context context() {
		Context context = this.context;
		return (context != null) ? context : attachContext();
	}

	private synchronized Context attachContext() {
		Context context = this.context;
		if (context == null) {
			context = this.contextSource.get();
			this.context = context;
		}
		return context;
	}

	/** See {@link ShutdownCoordinator#shutdown(Duration)}. */
	public boolean shutdown(Duration timeout) {
		return this.lifecycle.shutdown(timeout);
	}

	/** See {@link ShutdownCoordinator#closeTimers()}. */
	public void closeTimers() {
		this.lifecycle.closeTimers();
	}

	/** Whether {@link #shutdown(Duration)} has begun. */
	public boolean isShuttingDown() {
		return !this.lifecycle.isRunning();
	}

	private boolean isTerminated() {
		return this.lifecycle.isTerminated();
	}

	/** Unique per message: the core, the receiver's incarnation, the message's place in its mailbox. */
	String envelopeId(Node node) {
		long sequence = node.sequence;
		return (node.receiver instanceof ActorCell receiver && sequence >= 0)
				? this.id + "-" + receiver.incarnation() + "-" + sequence : this.id + "-x-" + Math.abs(sequence);
	}

	/** An actor incarnation's number in envelope ids: unique per call. */
	long newIncarnation() {
		return this.incarnations.incrementAndGet();
	}

	/** Actlet ids are the owner's name and a number unique in this core. */
	long nextActletNumber() {
		return this.actletNumbers.incrementAndGet();
	}

	void dispatch(ActorCell cell) {
		this.dispatchers.dispatch(cell);
	}

	void runActlet(Runnable task) {
		this.dispatchers.runActlet(task);
	}

	boolean hasSubscribers(Class<?> type) {
		return this.topics.hasSubscribers(type);
	}

	/** Asks waiting for a reply with their timeout running. */
	public int pendingAskTimeouts() {
		return this.askTimeouts.waiting();
	}

	/** Tasks on the core's own timer: actor timers (without a scheduler of their own) and ask slots. */
	public int timerTasks() {
		return this.dispatchers.timer().getQueue().size();
	}

	void countDroppedActletResult() {
		this.droppedActletResults.increment();
	}

	/** Every monitor attached so far. */
	@Nullable MonitorChain monitors() {
		return this.monitors;
	}

	/**
	 * Attaches a monitor: the actors alive now are announced to it in their own turns, after
	 * anything they announced before, and every actor made from now on at its creation.
	 */
	public synchronized void attachMonitor(ActorMonitor monitor) {
		Objects.requireNonNull(monitor, "monitor must not be null");
		MonitorChain monitors = this.monitors;
		if (monitors != null && monitors.contains(monitor)) {
			return; // given to the builder, say, and attached again
		}
		this.monitors = (monitors != null) ? monitors.with(monitor) : new MonitorChain(List.of(monitor));
		// An actor claiming its name now either is listed here or sees the longer chain itself:
		// its claim writes the registry, then reads the chain; this writes the chain, then reads
		// the registry (whose iteration reads with acquire loads, hence the fence).
		VarHandle.fullFence();
		this.registry.cells().forEach(ActorCell::catchUpMonitors);
	}

	/**
	 * Attaches the tracer; messages sent from now on carry their sender's tracing context.
	 * @throws IllegalStateException when another tracer is attached
	 */
	public synchronized void attachTracer(MessageTracer tracer) {
		Objects.requireNonNull(tracer, "tracer must not be null");
		MessageTracer attached = this.tracer;
		if (attached != null && attached != tracer) {
			throw new IllegalStateException("This core already traces with " + attached.getClass().getName()
					+ "; it takes one MessageTracer, so " + tracer.getClass().getName() + " was not attached.");
		}
		this.tracer = tracer;
	}

	@Nullable MessageTracer tracer() {
		return this.tracer;
	}

	/** Counts an actlet result on its way from the actlet to its owner's mailbox (quiescence sees it). */
	void actletDelivery(int change) {
		this.lifecycle.actletDelivery(change);
	}

	DeadLetterOffice deadLetters() {
		return this.deadLetters;
	}

	Duration askTimeout() {
		return this.askTimeout;
	}

	/** Whether settings were given under this actor's own name (not only its template's). */
	boolean hasOwnSettings(String name) {
		return this.actorSettings.containsKey(name);
	}

	/** How long an ask to the actor of this name waits by default, by its own settings. */
	Duration askTimeout(String name) {
		ActorSettings own = this.actorSettings.get(name);
		return (own != null && own.askTimeout() != null) ? own.askTimeout() : this.askTimeout;
	}

	/**
	 * Where an actor comes from, with its settings: those given under its own name, then those
	 * under its template's name, then the core's.
	 */
	ActorOrigin origin(@Nullable String name, @Nullable Supplier<? extends Actor> factory, Supervision supervision,
			@Nullable Consumer<Actor> destroyer, @Nullable String template, boolean entity) {
		ActorSettings settings = ActorSettings.CORE_DEFAULTS;
		if (template != null) {
			settings = this.actorSettings.getOrDefault(template, settings);
		}
		if (name != null) {
			ActorSettings own = this.actorSettings.get(name);
			settings = (own != null) ? own.orElse(settings) : settings;
		}
		return new ActorOrigin(factory, supervision, destroyer, template, entity,
				(settings.mailboxCapacity() != null) ? settings.mailboxCapacity() : this.mailboxCapacity,
				(settings.throughput() != null) ? settings.throughput() : this.throughput,
				(settings.askTimeout() != null) ? settings.askTimeout() : this.askTimeout);
	}

	int maxRestarts() {
		return this.maxRestarts;
	}

	long restartWindowNanos() {
		return this.restartWindowNanos;
	}

	/** The back-off of restarts for actors that set none, or {@code null} for at once. */
	@Nullable Backoff restartBackoff() {
		return this.restartBackoff;
	}

	TimerScheduler timerScheduler() {
		return this.timerScheduler;
	}

	boolean timersClosed() {
		return this.lifecycle.timersClosed();
	}

	Mdc mdc() {
		return this.mdc;
	}

}
