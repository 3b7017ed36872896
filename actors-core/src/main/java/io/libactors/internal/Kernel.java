package io.libactors.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorInfo;
import io.libactors.ActorMonitor;
import io.libactors.ActorNameException;
import io.libactors.ActorProxy;
import io.libactors.ActorTemplate;
import io.libactors.ActorTemplates;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.HandlerRegistrationException;
import io.libactors.MailboxFullException;
import io.libactors.Message;
import io.libactors.MessageTracer;
import io.libactors.Reducer;
import io.libactors.SerializationCheck;
import io.libactors.ShutdownMessage;
import io.libactors.Supervision;
import io.libactors.TimerScheduler;
import io.libactors.UndeliverableMessageException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime behind one {@link Core}: what every cell of it reaches. Thread-safe.
 */
public final class Kernel {

	private final Core core;

	private final String id = Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36);

	/** The executors of turns and actlets, and the core's own timer. */
	private final Dispatchers dispatchers;

	private final TimerScheduler timerScheduler;

	private final AskTimeouts askTimeouts;

	private final Duration askTimeout;

	private final int mailboxCapacity;

	/** What the runtime logs, rate-limited where a storm is possible. */
	final RuntimeLog log;

	private final int throughput;

	private final Supplier<? extends Context> contextSource;

	private volatile @Nullable Context context;

	private final @Nullable ActorMonitor monitor;

	private final @Nullable MessageTracer tracer;

	private final int maxRestarts;

	private final long restartWindowNanos;

	private final SerializationCheck serializationCheck;

	private final JsonMapper jsonMapper;

	private final MessageTypeCheck messageTypeCheck;

	private final ActorTemplates templates;

	/** The origin the actors of each templated type share, while its template stays the same. */
	private final ConcurrentHashMap<Class<?>, ActorOrigin> templateOrigins = new ConcurrentHashMap<>();

	private final Mdc mdc = new Mdc();

	/** Names to actors, and to proxies waiting for theirs. */
	private final ActorRegistry registry;

	/** Who handles which published type. */
	private final Topics topics;

	private final ConcurrentHashMap<Class<?>, HandlerTable> tables = new ConcurrentHashMap<>();

	/**
	 * Simple name to the message type of that name, for {@link io.libactors.EnvelopeCodec}: every type a
	 * registered actor handles, except the framework's own (registration refuses a second type
	 * of one name).
	 */
	private final ConcurrentHashMap<String, Class<? extends Message>> messageTypes = new ConcurrentHashMap<>();

	private final DeadLetterOffice deadLetters = new DeadLetterOffice(this);

	private final AtomicLong incarnations = new AtomicLong();

	private final AtomicLong looseIds = new AtomicLong();

	private final AtomicLong actletNumbers = new AtomicLong();

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
		this.maxRestarts = settings.maxRestarts();
		this.restartWindowNanos = settings.restartWindow().toNanos();
		this.log = new RuntimeLog((settings.slowHandler() != null) ? settings.slowHandler().toNanos() : Long.MAX_VALUE,
				this.maxRestarts, this.restartWindowNanos);
		this.serializationCheck = settings.serializationCheck();
		this.jsonMapper = (settings.jsonMapper() != null) ? settings.jsonMapper() : JsonMapper.builder().build();
		this.messageTypeCheck = new MessageTypeCheck(this.jsonMapper);
		this.templates = settings.templates();
		// asked only once the core runs, when the coordinator below exists
		this.dispatchers = new Dispatchers(settings, this.log, this::isTerminated);
		this.askTimeouts = new AskTimeouts(this.dispatchers.timer());
		this.lifecycle = new ShutdownCoordinator(this.registry, this.deadLetters, this.askTimeouts, this.dispatchers);
		if (settings.timerScheduler() != null) {
			this.timerScheduler = settings.timerScheduler();
		}
		else if (settings.scheduler() != null) {
			this.timerScheduler = TimerScheduler.of(settings.scheduler());
		}
		else {
			this.timerScheduler = TimerScheduler.of(this.dispatchers.timer());
		}
		this.contextSource = settings.context();
		this.monitor = settings.monitors().isEmpty() ? null : new MonitorChain(settings.monitors());
		this.tracer = settings.tracer();
	}

	/** The public face of this runtime. */
	public Core core() {
		return this.core;
	}

	// ---- creating and finding actors

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
		ActorOrigin origin = (supervision == Supervision.RESUME) ? ActorOrigin.RESUMING_INSTANCE
				: new ActorOrigin(null, supervision, null, null);
		return register(name, actor, origin, null);
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
		return register(name, actor, new ActorOrigin(factory, supervision, null, null), null);
	}

	/**
	 * Creates an actor from the template of {@code type}: in plain Java its public no-argument
	 * constructor; in Spring a prototype bean.
	 * @throws ActorException when {@code type} has no template
	 */
	public <A extends Actor> ActorProxy<A> createActor(Class<A> type, String name) {
		return createFromTemplate(type, name, null);
	}

	/** The actor with this name, if one is alive. */
	public Optional<ActorProxy<?>> find(String name) {
		return Optional.ofNullable(this.registry.find(name));
	}

	/**
	 * A proxy for {@code name}. If no such actor exists yet, the proxy buffers up to 1,000
	 * messages, delivered in order when it is created, and binds to that actor. It never creates
	 * the actor itself.
	 * @throws ActorNameException for a name no actor could have
	 */
	public ActorProxy<?> proxy(String name) {
		Object found = this.registry.cellOrPending(name);
		return (found instanceof ActorCell cell) ? cell : new LazyProxy(this, (PendingActor) found);
	}

	/** Sends {@code message} to every actor that handles its type (or a supertype of it). */
	public void publish(Message message) {
		Objects.requireNonNull(message, "message must not be null");
		refuseReserved(message);
		if (!publishInternal(message, CurrentActor.get())) {
			this.deadLetters.unhandledPublication(message);
		}
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
		Objects.requireNonNull(actor, "actor must not be null");
		ActorCell cell = (actor instanceof LazyProxy lazy) ? lazy.bound() : (actor instanceof ActorCell found) ? found
				: null;
		if (cell == null || cell.kernel != this) {
			return CompletableFuture.failedFuture(
					new ActorException("No actor of this core is behind " + actor + ": pass a proxy its createActor made."));
		}
		return cell.startedFuture();
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

	/** Each message type a registered actor handles, by its simple name; live. */
	public Map<String, Class<? extends Message>> messageTypes() {
		return this.messageTypes;
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

	// ---- internals shared with the cells

	<A extends Actor> ActorProxy<A> createChild(ActorCell parent, String name, A actor) {
		Objects.requireNonNull(actor, "actor must not be null");
		return register(name, actor, ActorOrigin.RESUMING_INSTANCE, parent);
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
		return register(name, actor, originOf(type, template), parent);
	}

	private ActorOrigin originOf(Class<?> type, ActorTemplate template) {
		ActorOrigin origin = this.templateOrigins.get(type);
		if (origin == null || origin.factory() != template.factory() || origin.destroyer() != template.destroyer()
				|| origin.supervision() != template.supervision() || !template.name().equals(origin.template())) {
			origin = new ActorOrigin(template.factory(), template.supervision(), template.destroyer(), template.name());
			this.templateOrigins.put(type, origin);
		}
		return origin;
	}

	@SuppressWarnings("unchecked")
	private <A extends Actor> ActorProxy<A> register(String name, Actor actor, ActorOrigin origin,
			@Nullable ActorCell parent) {
		ActorRegistry.validateName(name);
		if (!this.lifecycle.isRunning()) {
			origin.destroy(actor);
			throw new ActorException("Actor '" + name + "' not created: the core is shutting down.");
		}
		if (parent != null && parent.state() >= ActorCell.STOPPING) {
			origin.destroy(actor);
			throw new ActorException("Actor '" + name + "' not created: its parent '" + parent.name() + "' is stopping.");
		}
		HandlerTable table;
		try {
			table = tableOf(actor);
		}
		catch (RuntimeException ex) {
			origin.destroy(actor);
			throw ex;
		}
		ActorCell cell = new ActorCell(this, name, parent, origin, actor, table);
		// The monitor hears of the actor before anyone can reach it, so before its stop.
		if (this.monitor != null) {
			this.monitor.started(cell, origin.template());
		}
		PendingActor pending;
		try {
			pending = this.registry.claim(name, cell);
		}
		catch (RuntimeException ex) {
			origin.destroy(actor);
			if (this.monitor != null) {
				this.monitor.stopped(cell, origin.template(), false);
			}
			throw ex;
		}
		if (parent != null) {
			parent.addChild(cell);
		}
		this.topics.join(cell);
		if (table.initializes || pending != null) {
			cell.schedule();
		}
		if (!this.lifecycle.isRunning()) {
			// Shutdown began after the check above and may have listed the actors before this one.
			cell.end();
		}
		return (ActorProxy<A>) (ActorProxy<?>) cell;
	}

	void unregister(ActorCell cell) {
		this.registry.remove(cell);
		this.topics.leave(cell);
		if (cell.parent != null) {
			cell.parent.removeChild(cell);
		}
	}

	/** The validated table of an actor class for this core: its handlers, contexts, JSON. */
	HandlerTable tableFor(Class<?> actorClass) {
		HandlerTable table = this.tables.get(actorClass);
		if (table != null) {
			return table;
		}
		table = validated(HandlerScanner.tableFor(actorClass));
		this.tables.put(actorClass, table);
		return table;
	}

	/** The table of one actor instance: its class's, or a reducer's own. */
	HandlerTable tableOf(Actor actor) {
		return (actor instanceof Reducer<?> reducer) ? validated(HandlerScanner.tableFor(reducer))
				: tableFor(actor.getClass());
	}

	/** Checks a table's contexts and message types, and registers its types for the codec. */
	private HandlerTable validated(HandlerTable table) {
		for (Handler handler : table.handlers) {
			if (!handler.contextType.isInstance(context())) {
				throw new HandlerRegistrationException(
						handler.describe() + " takes a " + handler.contextType.getSimpleName()
								+ ", but this core's context is a " + context().getClass().getName() + ".",
						"Give the core a " + handler.contextType.getSimpleName()
								+ " (Spring: declare it as a bean; plain Java: Core.builder().context(...)), or take "
								+ "Context.");
			}
			if (this.serializationCheck != SerializationCheck.NONE) {
				this.messageTypeCheck.check(handler.messageType, handler.describe());
			}
		}
		// Types are named by their simple names on the wire and in metrics: one type per name.
		synchronized (this.messageTypes) {
			Map<String, Class<?>> adding = new LinkedHashMap<>();
			for (Handler handler : table.handlers) {
				if (!MessageTypeCheck.isFrameworkType(handler.messageType)) {
					Class<?> other = adding.putIfAbsent(handler.messageName, handler.messageType);
					if (other == null) {
						other = this.messageTypes.get(handler.messageName);
					}
					if (other != null && other != handler.messageType) {
						throw sharedSimpleName(handler, other);
					}
				}
			}
			for (Map.Entry<String, Class<?>> type : adding.entrySet()) {
				@SuppressWarnings("unchecked")
				Class<? extends Message> message = (Class<? extends Message>) type.getValue();
				this.messageTypes.putIfAbsent(type.getKey(), message);
			}
		}
		return table;
	}

	private static HandlerRegistrationException sharedSimpleName(Handler handler, Class<?> other) {
		return new HandlerRegistrationException(handler.describe() + " takes " + handler.messageType.getName()
				+ ", but this core's actors already handle " + other.getName() + ": both have the simple name "
				+ handler.messageName + ", which envelopes, statistics and metrics name types by.",
				"Give one of them another simple name.");
	}

	/** The delivery path of {@code tell} and {@code ask}. */
	void send(ActorCell target, Message message, @Nullable Ask ask) {
		Objects.requireNonNull(message, "message must not be null");
		ActorCell sender = sender(message);
		Message delivered = checked(message);
		if (refusedWhileShuttingDown(delivered, sender, ask, target.name())) {
			return;
		}
		if (!deliver(target, delivered, sender, ask) && ask == null) {
			throw new MailboxFullException("Mailbox of actor '" + target.name() + "' is full (" + this.mailboxCapacity
					+ " messages); " + delivered.getClass().getSimpleName() + " was not queued.");
		}
	}

	/**
	 * Queues a message, or accounts for it as a dead letter; never throws.
	 * @return {@code false} when a bounded mailbox was full (the message is a dead letter)
	 */
	private boolean deliver(ActorCell target, Message message, @Nullable ActorCell sender, @Nullable Ask ask) {
		if (target.state() >= ActorCell.STOPPING) {
			this.deadLetters.post(looseNode(message, sender, ask), target.name(), DeadLetter.STOPPED);
			return true;
		}
		Handler handler = target.table.find(message.getClass());
		if (handler == null) {
			this.deadLetters.post(looseNode(message, sender, ask), target.name(), DeadLetter.NO_HANDLER);
			return true;
		}
		Node node = new Node(message, sender, handler, ask);
		if (this.tracer != null) {
			node.trace = this.tracer.capture();
		}
		if (!target.enqueue(node, false)) {
			node.sequence = looseSequence();
			this.deadLetters.post(node, target.name(), DeadLetter.MAILBOX_FULL);
			return false;
		}
		return true;
	}

	/** Delivery through a proxy whose actor does not exist yet. */
	void sendPending(PendingActor pending, Message message, @Nullable Ask ask) {
		Objects.requireNonNull(message, "message must not be null");
		ActorCell sender = sender(message);
		Message delivered = checked(message);
		if (refusedWhileShuttingDown(delivered, sender, ask, pending.name)) {
			return;
		}
		ActorCell cell = pending.offer(looseNode(delivered, sender, ask), this.deadLetters);
		if (cell != null) {
			send(cell, delivered, ask);
		}
	}

	/** Once shutdown has begun, only this core's actors may still send (so the drain finishes). */
	private boolean refusedWhileShuttingDown(Message message, @Nullable ActorCell sender, @Nullable Ask ask,
			String receiver) {
		if (this.lifecycle.isRunning() || (sender != null && sender.kernel == this)) {
			return false;
		}
		this.deadLetters.post(looseNode(message, sender, ask), receiver, DeadLetter.SHUTTING_DOWN);
		return true;
	}

	private static @Nullable ActorCell sender(Message message) {
		refuseReserved(message);
		return CurrentActor.get();
	}

	private static void refuseReserved(Message message) {
		if (message instanceof ShutdownMessage) {
			throw new IllegalArgumentException("ShutdownMessage is sent by the runtime only: call stop() on the proxy.");
		}
	}

	private Message checked(Message message) {
		if (this.serializationCheck != SerializationCheck.EVERY_MESSAGE
				|| MessageTypeCheck.isFrameworkType(message.getClass())) {
			return message;
		}
		try {
			return this.jsonMapper.readValue(this.jsonMapper.writeValueAsBytes(message), message.getClass());
		}
		catch (RuntimeException ex) {
			throw new ActorException("Message " + message.getClass().getName() + " does not survive a JSON round trip: "
					+ ex.getMessage(), ex);
		}
	}

	private Node looseNode(Message message, @Nullable ActorCell sender, @Nullable Ask ask) {
		Node node = new Node(message, sender, null, ask);
		if (this.tracer != null) {
			node.trace = this.tracer.capture();
		}
		node.sequence = looseSequence();
		return node;
	}

	/** A sequence number for a message outside any mailbox: its envelope id is unique too. */
	long looseSequence() {
		return -this.looseIds.incrementAndGet();
	}

	/**
	 * Delivers to every subscriber, each its own copy when every message is checked; a full
	 * mailbox makes a dead letter for that subscriber and the others still get theirs.
	 * @return whether there was one
	 */
	private boolean publishInternal(Message message, @Nullable ActorCell sender) {
		boolean delivered = false;
		for (ActorCell cell : this.topics.subscribersOf(message)) {
			delivered = true;
			Message copy = checked(message);
			if (!refusedWhileShuttingDown(copy, sender, null, cell.name())) {
				deliver(cell, copy, sender, null);
			}
		}
		return delivered;
	}

	/** A dead letter to every actor that handles it: from the runtime, so with no sender, never refused. */
	void publishDeadLetter(DeadLetter letter) {
		for (ActorCell cell : this.topics.subscribersOf(letter)) {
			deliver(cell, letter, null, null);
		}
	}

	Ask newAsk(String receiver, Message message, Class<?> replyType, Duration timeout) {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(replyType, "replyType must not be null");
		Durations.requirePositive(timeout, "timeout", "Ask timeout");
		long millis = Math.max(1, timeout.toMillis());
		Ask ask = new Ask(replyType, receiver, message.getClass(), millis);
		if (!this.askTimeouts.start(ask, timeout.toNanos())) {
			ask.completeExceptionally(new UndeliverableMessageException(
					"Ask of actor '" + receiver + "' refused: the core has shut down.", DeadLetter.SHUTTING_DOWN));
		}
		return ask;
	}

	/** Unique per message: the core, the receiver's incarnation, the message's place in its mailbox. */
	String envelopeId(Node node) {
		long sequence = node.sequence;
		return (node.receiver instanceof ActorCell receiver && sequence >= 0) ? receiver.idPrefix() + sequence
				: this.id + "-x-" + Math.abs(sequence);
	}

	/** What the envelope ids of one actor incarnation start with: unique per call. */
	String newIdPrefix() {
		return this.id + "-" + Long.toString(this.incarnations.incrementAndGet(), 36) + "-";
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

	@Nullable ActorMonitor monitor() {
		return this.monitor;
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

	int mailboxCapacity() {
		return this.mailboxCapacity;
	}

	int throughput() {
		return this.throughput;
	}

	int maxRestarts() {
		return this.maxRestarts;
	}

	long restartWindowNanos() {
		return this.restartWindowNanos;
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
