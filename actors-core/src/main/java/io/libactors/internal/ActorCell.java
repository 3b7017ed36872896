package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.libactors.ActletFailed;
import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorInfo;
import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.Envelope;
import io.libactors.Message;
import io.libactors.MessageTracer;
import io.libactors.ShutdownMessage;
import io.libactors.StatefulActor;
import io.libactors.TimerDone;
import org.jspecify.annotations.Nullable;

/**
 * One running actor: its mailbox, its turn on the executor, its lifecycle. Also the actor's
 * {@link ActorProxy}, so an actor that never had mail costs one object besides its instance
 * (its {@link TurnState} comes with its first message).
 * <p>
 * The mailbox is Vyukov's intrusive multi-producer single-consumer queue: producers swap the
 * tail and then link the old tail to the new node; only the turn that owns the cell reads from
 * the head. The {@link #status} word guarantees at most one turn at a time: a producer that
 * finds the cell {@code IDLE} moves it to {@code SCHEDULED} and submits it; the turn, when it
 * runs out of mail or budget, sets {@code IDLE} and then looks at the queue again, so a message
 * linked in between is never left without a turn (the lost-wakeup race). {@code stop()} on an
 * idle actor whose end runs no user code moves it to {@code ENDING} instead and ends it on the
 * stopping thread, with the same hand-back.
 */
public final class ActorCell extends Link implements ActorProxy<Actor>, Runnable {

	/** The actor whose turn runs on a thread, for threads that are not {@link DispatcherThread}s. */
	private static final ThreadLocal<@Nullable ActorCell> CURRENT = new ThreadLocal<>();

	/** Whether a turn ever ran on a thread other than a dispatcher thread (then CURRENT is used). */
	private static volatile boolean foreignTurns;

	static final int IDLE = 0;

	static final int SCHEDULED = 1;

	/** The stopping thread holds the turn to end the actor itself; see {@link #stop()}. */
	static final int ENDING = 2;

	static final int STARTING = 0;

	static final int RUNNING = 1;

	static final int STOPPING = 2;

	static final int STOPPED = 3;

	static final int FAILED = 4;

	private static final String[] STATE_NAMES = { "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED" };

	private static final VarHandle TAIL;

	private static final VarHandle STATUS;

	private static final VarHandle STATE;

	private static final VarHandle ENQUEUED;

	private static final VarHandle DEQUEUED;

	private static final VarHandle PROCESSED;

	private static final VarHandle FAILURES;

	private static final VarHandle BUSY_SINCE;

	private static final VarHandle TURN;

	private static final VarHandle TERMINATED;

	private static final VarHandle STARTED;

	private static final VarHandle CHILDREN;

	private static final VarHandle TIMERS;

	private static final VarHandle ACTLETS;

	/** What {@link #startedFuture()} holds once {@code initialize} returned normally. */
	private static final CompletableFuture<Void> INITIALIZED = CompletableFuture.completedFuture(null);

	/** What a stopped cell holds instead of its instance, so that a kept proxy keeps no actor alive. */
	private static final Actor GONE = new Actor() {
	};

	/** What the turn's calls return once a hold is registered: the turn must touch nothing more. */
	static final long HELD = Long.MIN_VALUE;

	private static final VarHandle METRIC = MethodHandles.arrayElementVarHandle(HandlerMetrics[].class);

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			TAIL = lookup.findVarHandle(ActorCell.class, "tail", Link.class);
			STATUS = lookup.findVarHandle(ActorCell.class, "status", int.class);
			STATE = lookup.findVarHandle(ActorCell.class, "state", int.class);
			ENQUEUED = lookup.findVarHandle(ActorCell.class, "enqueued", long.class);
			TURN = lookup.findVarHandle(ActorCell.class, "turn", TurnState.class);
			TERMINATED = lookup.findVarHandle(ActorCell.class, "terminated", CompletableFuture.class);
			STARTED = lookup.findVarHandle(ActorCell.class, "started", CompletableFuture.class);
			CHILDREN = lookup.findVarHandle(ActorCell.class, "children", Set.class);
			TIMERS = lookup.findVarHandle(ActorCell.class, "timers", ActorTimers.class);
			ACTLETS = lookup.findVarHandle(ActorCell.class, "actlets", Map.class);
			DEQUEUED = lookup.findVarHandle(TurnState.class, "dequeued", long.class);
			PROCESSED = lookup.findVarHandle(TurnState.class, "processed", long.class);
			FAILURES = lookup.findVarHandle(TurnState.class, "failed", long.class);
			BUSY_SINCE = lookup.findVarHandle(TurnState.class, "busySince", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// What senders write is here; what the turn writes for every message is in its TurnState.

	/** Producer side of the mailbox; swapped by every sender. */
	private volatile Link tail;

	/** Messages ever queued to a bounded mailbox. */
	private volatile long enqueued;

	/** {@code IDLE}, {@code SCHEDULED} or {@code ENDING}. */
	volatile int status;

	/** {@code STARTING} to {@code FAILED}; read by every sender, written rarely. */
	private volatile int state;

	final Kernel kernel;

	/** Replaced only by a restart, inside the turn. */
	Router router;

	final String name;

	final @Nullable ActorCell parent;

	final ActorOrigin origin;

	/** Replaced only by a restart, inside the turn. */
	Actor actor;

	/** Made when the actor first takes mail; see {@link #turnState()}. */
	private @Nullable TurnState turn;

	/** Shutdown ran out of time: what is left becomes dead letters. */
	volatile boolean forced;

	private volatile @Nullable Set<ActorCell> children;

	private volatile @Nullable ActorTimers timers;

	private volatile @Nullable Map<String, Future<?>> actlets;

	/** Made when someone first waits for the end; completed once the actor has ended. */
	private volatile @Nullable CompletableFuture<Void> terminated;

	/**
	 * The outcome of {@code initialize}: {@code null} until it is known and nobody waits,
	 * {@link #INITIALIZED}, a failed future with its cause, or the future someone waits on.
	 */
	private volatile @Nullable CompletableFuture<Void> started;

	private volatile boolean finished;

	/** The turn's alone (and the stopping thread's once it holds the turn). */
	private boolean initialized;

	private boolean terminating;

	private boolean failedStop;

	ActorCell(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor, Router router) {
		this.kernel = kernel;
		this.router = router;
		this.name = name;
		this.parent = parent;
		this.origin = origin;
		this.actor = actor;
		// the cell is the first link of its own mailbox: an actor that never had mail holds no node
		this.tail = this;
		if (!router.initializes) {
			// nothing to run before the first message: running from the start saves a turn
			this.initialized = true;
			this.state = RUNNING;
			this.started = INITIALIZED;
		}
	}

	/** The turn's state, made now if this is the first turn; only from inside the turn. */
	private TurnState turnState() {
		TurnState turn = this.turn;
		if (turn == null) {
			turn = new TurnState(this);
			TURN.setRelease(this, turn);
		}
		return turn;
	}

	/** The turn's state as another thread sees it: {@code null} before the actor first took mail. */
	private @Nullable TurnState publishedTurn() {
		return (TurnState) TURN.getAcquire(this);
	}

	/** Where the mailbox's consumer side is, from any thread. */
	private Link head() {
		TurnState turn = publishedTurn();
		return (turn != null) ? turn.head : this;
	}

	private long dequeued() {
		TurnState turn = publishedTurn();
		return (turn != null) ? turn.dequeued : 0L;
	}

	/** The actor whose {@code initialize} or handler runs on this thread, if any. */
	public static @Nullable ActorCell current() {
		Thread thread = Thread.currentThread();
		if (thread instanceof DispatcherThread dispatcher) {
			return dispatcher.current;
		}
		return foreignTurns ? CURRENT.get() : null;
	}

	/** Makes {@code cell} the current actor of this thread; returns the one it replaces. */
	private static @Nullable ActorCell enterTurn(@Nullable ActorCell cell) {
		Thread thread = Thread.currentThread();
		if (thread instanceof DispatcherThread dispatcher) {
			ActorCell outer = dispatcher.current;
			dispatcher.current = cell;
			return outer;
		}
		if (!foreignTurns) {
			foreignTurns = true;
		}
		ActorCell outer = CURRENT.get();
		CURRENT.set(cell);
		return outer;
	}

	// ---- ActorProxy

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void tell(Message message) {
		this.kernel.send(this, message, null);
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType) {
		return ask(message, replyType, this.kernel.askTimeout());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout) {
		Objects.requireNonNull(message, "message must not be null");
		Ask ask = this.kernel.newAsk(this.name, message, replyType, timeout);
		if (current() == this) {
			ask.completeExceptionally(new ActorException("Actor '" + this.name + "' asked itself with "
					+ message.getClass().getSimpleName() + " from its own handler; the reply could only come after "
					+ "that handler returns. Call the method directly, or tell yourself the message."));
			return (CompletableFuture<R>) (CompletableFuture<?>) ask;
		}
		this.kernel.send(this, message, ask);
		return (CompletableFuture<R>) (CompletableFuture<?>) ask;
	}

	@Override
	public CompletableFuture<Void> stop() {
		// The caller's own future: completing or cancelling it changes nothing for anyone else.
		return end().copy();
	}

	/** Begins the stop, once; the future the runtime itself waits on. */
	CompletableFuture<Void> end() {
		for (;;) {
			int state = this.state;
			if (state >= STOPPING) {
				return terminationFuture();
			}
			if (STATE.compareAndSet(this, state, STOPPING)) {
				break;
			}
		}
		// The marker goes behind the mail already queued, like Pekko's PoisonPill.
		Node marker = new Node(new ShutdownMessage(), null, null, null);
		link(marker, true);
		if (this.status == IDLE && STATUS.compareAndSet(this, IDLE, ENDING)) {
			if (terminatesHere(marker)) {
				terminateHere();
			}
			else {
				STATUS.setVolatile(this, SCHEDULED);
				this.kernel.dispatch(this);
			}
		}
		return terminationFuture();
	}

	/**
	 * With the turn claimed: whether the marker is all there is to handle and ending runs no
	 * user code (no ShutdownMessage handler, destroy callback, state observer or child), so the
	 * stopping thread may end the actor itself rather than dispatch a turn for it. Not from
	 * inside another actor's turn, which owns its thread's context.
	 */
	private boolean terminatesHere(Node marker) {
		Set<ActorCell> children = this.children;
		TurnState turn = this.turn;
		return head().next() == marker && this.initialized && (turn == null || turn.hold == null && turn.states == null)
				&& current() == null && this.origin.destroyer() == null && (children == null || children.isEmpty())
				&& this.router.find(ShutdownMessage.class) == null;
	}

	private void terminateHere() {
		Node marker = Objects.requireNonNull(poll(turnState()));
		// ends here and now: no children to wait for and no ShutdownMessage handler, so no hold
		beginTermination();
		marker.release(false);
		endTurn();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S> Flow.Publisher<S> states(Class<S> type) {
		Objects.requireNonNull(type, "type must not be null");
		return (subscriber) -> {
			Objects.requireNonNull(subscriber, "subscriber must not be null");
			if (this.state >= STOPPED) {
				StateRequestNode.refuse(subscriber, new ActorException("Actor '" + this.name + "' has stopped."));
			}
			else {
				enqueue(new StateRequestNode(subscriber, type), true);
			}
		};
	}

	@Override
	public boolean isAlive() {
		return this.state < STOPPED;
	}

	/** Bounded mailboxes count; unbounded ones are walked, from any thread, O(depth). */
	@Override
	public int mailboxSize() {
		if (this.kernel.mailboxCapacity() > 0) {
			return (int) Math.max(0, this.enqueued - dequeued());
		}
		for (;;) {
			Link node = head();
			int count = 0;
			for (;;) {
				Link next = node.next();
				if (next == null || count == Integer.MAX_VALUE) {
					return count;
				}
				if (next == node) {
					break; // the turn moved past this node meanwhile: walk again from the new head
				}
				count++;
				node = next;
			}
		}
	}

	@Override
	public String toString() {
		return "ActorProxy[" + this.name + "]";
	}

	// ---- producer side

	int state() {
		return this.state;
	}

	/** Messages ever taken from the mailbox. */
	long takenCount() {
		return dequeued();
	}

	/**
	 * Links a node into the mailbox and makes sure a turn will see it.
	 * @param ignoreCapacity for system messages
	 * @return {@code false} when the bounded mailbox is full (nothing was queued)
	 */
	boolean enqueue(Node node, boolean ignoreCapacity) {
		if (!link(node, ignoreCapacity)) {
			return false;
		}
		schedule();
		return true;
	}

	/** Links a node into the mailbox; the caller makes sure a turn will see it. */
	boolean link(Node node, boolean ignoreCapacity) {
		int capacity = this.kernel.mailboxCapacity();
		if (capacity > 0) {
			// Only a bounded mailbox counts what comes in: it is one more atomic per message.
			if (ignoreCapacity) {
				ENQUEUED.getAndAdd(this, 1L);
			}
			else {
				long queued;
				do {
					queued = this.enqueued;
					if (queued - dequeued() >= capacity) {
						return false;
					}
				}
				while (!ENQUEUED.compareAndSet(this, queued, queued + 1));
			}
		}
		node.receiver = this;
		// The swap is a full fence: the caller's status read after it cannot pass it. The turn
		// writes the status, then reads the tail (Dekker's pattern), so one of the two sees the other.
		Link previous = (Link) TAIL.getAndSet(this, node);
		previous.linkNext(node);
		return true;
	}

	void schedule() {
		if (this.status == IDLE && STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
			this.kernel.dispatch(this);
		}
	}

	/** From the turn: after a schedule's last tick, if the actor handles {@link TimerDone}. */
	void deliverTimerDone(String key) {
		Handler handler = this.router.find(TimerDone.class);
		if (handler != null) {
			enqueue(new Node(new TimerDone(key), null, handler, null), true);
		}
	}

	void deliverTick(String key, long generation, Message message) {
		if (this.state >= STOPPING) {
			return;
		}
		Handler handler = this.router.find(message.getClass());
		enqueue(new TickNode(message, handler, key, generation), true);
	}

	/**
	 * Delivers an actlet's result (or failure) to this actor, unless it has stopped. Counted as
	 * on its way from the moment it leaves the actlets to its queueing, so that shutdown never
	 * finds the core quiet in between.
	 */
	void deliverActletResult(String actletId, @Nullable Message result, @Nullable Throwable error) {
		Map<String, Future<?>> actlets = this.actlets;
		if (actlets == null) {
			return;
		}
		this.kernel.actletDelivery(1);
		try {
			if (actlets.remove(actletId) != null) {
				deliverActletResult(actletId, (error != null) ? failure(actletId, error) : result);
			}
			// else: cancelled when its owner stopped, and counted then
		}
		finally {
			this.kernel.actletDelivery(-1);
		}
	}

	private @Nullable Message failure(String actletId, Throwable error) {
		if (this.router.find(ActletFailed.class) == null) {
			this.kernel.logActletFailure(this, actletId, error);
			return null;
		}
		return new ActletFailed(actletId, error.getClass().getName(), error.getMessage());
	}

	private void deliverActletResult(String actletId, @Nullable Message message) {
		if (message == null) {
			return;
		}
		Handler handler = this.router.find(message.getClass());
		if (this.state >= STOPPED) {
			this.kernel.countDroppedActletResult();
		}
		else if (handler == null) {
			Node node = new Node(message, null, null, null);
			node.sequence = this.kernel.looseSequence();
			this.kernel.deadLetters().post(node, this.name, DeadLetter.NO_HANDLER);
		}
		else {
			enqueue(new Node(message, null, handler, null), true);
		}
	}

	// ---- the turn

	/**
	 * One turn: resumes a completed hold, runs {@code initialize} the first time, then takes up
	 * to the throughput's worth of messages. Once a hold is registered (a handler's
	 * {@code CompletionStage}, a stop waiting for children or for a {@code ShutdownMessage}
	 * handler's stage) the completion owns the actor: this turn unwinds without touching its state
	 * again and does not give the turn back.
	 */
	@Override
	public void run() {
		ActorCell outer = enterTurn(this);
		Mdc.Scope mdc = this.kernel.mdc().enter(this.name);
		boolean held;
		try {
			held = turn(turnState(), mdc);
		}
		catch (Throwable ex) {
			// Only a bug of the runtime gets here: user code is called under its own guard.
			this.kernel.logTurnFailure(this, ex);
			held = false;
		}
		finally {
			mdc.close();
			enterTurn(outer);
		}
		if (!held) {
			endTurn();
		}
	}

	/** @return whether a hold was registered, so the turn must not be given back */
	private boolean turn(TurnState turn, Mdc.Scope mdc) {
		if (turn.hold != null && resumeHold(turn, mdc)) {
			return true;
		}
		if (!this.initialized) {
			this.initialized = true;
			mdc.noMessage();
			if (initializeActor(true)) {
				return true;
			}
		}
		int budget = this.kernel.throughput();
		long mark = System.nanoTime();
		while (budget-- > 0) {
			Node node = poll(turn);
			if (node == null) {
				break;
			}
			mark = process(node, mark, mdc);
			if (mark == HELD) {
				return true;
			}
		}
		return false;
	}

	/** Gives the turn up, unless mail came meanwhile: then another turn is owed. */
	private void endTurn() {
		STATUS.setVolatile(this, IDLE);
		if (TAIL.getVolatile(this) != turnState().head && STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
			this.kernel.dispatch(this);
		}
	}

	private @Nullable Node poll(TurnState turn) {
		Link head = turn.head;
		Link next = head.next();
		if (next == null) {
			if (TAIL.getVolatile(this) == head) {
				return null;
			}
			next = awaitLink(head);
		}
		turn.head = next;
		// No producer links to the old head any more. Unlinking it keeps a dead node that the
		// GC has promoted from holding its young successors alive (and them theirs).
		head.unlink();
		// only the cell itself is never after another link
		Node node = (Node) next;
		node.sequence = turn.dequeued;
		DEQUEUED.setRelease(turn, turn.dequeued + 1);
		return node;
	}

	/** A producer has swapped the tail but not linked its node yet: it will in a moment. */
	private static Link awaitLink(Link head) {
		for (int spins = 0;; spins++) {
			Link next = head.next();
			if (next != null) {
				return next;
			}
			if (spins < 100) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
	}

	/** @return the time the next message starts, or {@link #HELD} */
	private long process(Node node, long mark, Mdc.Scope mdc) {
		if (node instanceof StateRequestNode request) {
			serve(request);
			return mark;
		}
		long next = HELD;
		try {
			next = take(node, mark, mdc);
		}
		finally {
			if (next != HELD) {
				// A registered hold owns its node and releases it once the stage completes.
				node.release(false);
			}
		}
		return next;
	}

	private long take(Node node, long mark, Mdc.Scope mdc) {
		Message message = node.message;
		if (this.state >= STOPPED || this.forced) {
			if (!(message instanceof ShutdownMessage)) {
				this.kernel.deadLetters().post(node, this.name,
						this.forced ? DeadLetter.SHUTDOWN_TIMEOUT : DeadLetter.STOPPED);
			}
			else if (!this.terminating && beginTermination()) {
				return HELD;
			}
			return mark;
		}
		if (message instanceof ShutdownMessage) {
			if (!this.terminating && beginTermination()) {
				return HELD;
			}
			return System.nanoTime();
		}
		if (node instanceof TickNode tick) {
			ActorTimers timers = this.timers;
			if (timers == null || !timers.accept(tick)) {
				return mark;
			}
		}
		Handler handler = node.handler;
		if (handler == null || handler.router != this.router) {
			handler = this.router.find(message.getClass());
			if (handler == null) {
				this.kernel.deadLetters().post(node, this.name, DeadLetter.NO_HANDLER);
				return mark;
			}
		}
		return handle(node, handler, mark, mdc);
	}

	private long handle(Node node, Handler handler, long mark, Mdc.Scope mdc) {
		Object result;
		Throwable error = null;
		TurnState turn = turnState();
		turn.current = node;
		BUSY_SINCE.setOpaque(turn, mark);
		mdc.message(handler.messageName, node, this);
		MessageTracer.Handling tracing = startTracing(node, handler);
		try {
			result = handler.invoke(this.actor, this.kernel.context(), node.message);
		}
		catch (Throwable ex) {
			error = ex;
			result = null;
		}
		finally {
			turn.current = null;
			closeBindings();
			Thread.interrupted();
			if (tracing != null) {
				tracing.detach();
			}
		}
		if (error == null && handler.async) {
			if (result == null) {
				error = new ActorException(handler.describe() + " returned a null CompletionStage.");
			}
			else {
				return hold((CompletionStage<?>) result, new Hold(node, handler, mark)) ? HELD : System.nanoTime();
			}
		}
		long now = System.nanoTime();
		return complete(node, handler, now - mark, result, error) ? HELD : now;
	}

	// ---- observable state, inside the turn

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void serve(StateRequestNode request) {
		if (this.state >= STOPPING || this.forced) {
			request.refuse(new ActorException("Actor '" + this.name + "' is stopping."));
			return;
		}
		if (!(this.actor instanceof StatefulActor<?> stateful)) {
			request.refuse(new ActorException("Actor '" + this.name + "' (" + this.actor.getClass().getName()
					+ ") is not a StatefulActor: implement StatefulActor<S> to observe its state."));
			return;
		}
		Object current;
		try {
			current = stateful.state();
		}
		catch (RuntimeException ex) {
			request.refuse(new ActorException("Actor '" + this.name + "' threw from state(): " + ex, ex));
			return;
		}
		if (current == null || !request.type.isInstance(current)) {
			request.refuse(new ActorException("Actor '" + this.name + "' has a state of type "
					+ ((current != null) ? current.getClass().getName() : "null") + ", not " + request.type.getName()
					+ ": subscribe with the class its state() returns."));
			return;
		}
		TurnState turn = turnState();
		StateStream stream = turn.states;
		if (stream == null) {
			stream = new StateStream(this.name);
			turn.states = stream;
		}
		StateStream.Subscription subscription = stream.add(request.subscriber);
		try {
			((Flow.Subscriber) request.subscriber).onSubscribe(subscription);
		}
		catch (Throwable ex) {
			// Reactive Streams 2.13: a subscriber that throws is cancelled; the actor goes on.
			subscription.cancel();
			this.kernel.logSubscriberFailure(this, ex);
			return;
		}
		stream.welcome(subscription, current);
	}

	/** After each handled message (and a restart): the state, if anyone watches and it changed. */
	private void publishState() {
		StateStream stream = turnState().states;
		if (stream != null && this.actor instanceof StatefulActor<?> stateful) {
			Object current;
			try {
				current = stateful.state();
			}
			catch (RuntimeException ex) {
				this.kernel.logStateFailure(this, ex);
				return;
			}
			if (current != null) {
				stream.publish(current);
			}
		}
	}

	private MessageTracer.@Nullable Handling startTracing(Node node, Handler handler) {
		MessageTracer tracer = this.kernel.tracer();
		if (tracer == null) {
			return null;
		}
		MessageTracer.Handling tracing = tracer.start(node.trace, this, this.origin.template(), handler.messageType);
		node.trace = tracing;
		return tracing;
	}

	/**
	 * Accounts for a handled message, replies outside the actor, then applies supervision.
	 * @return whether a hold was registered (a stop waiting for children)
	 */
	private boolean complete(Node node, Handler handler, long nanos, @Nullable Object result,
			@Nullable Throwable error) {
		TurnState turn = turnState();
		BUSY_SINCE.setOpaque(turn, 0L);
		if (node.trace instanceof MessageTracer.Handling tracing) {
			tracing.end(error);
		}
		metricsFor(handler).record(nanos);
		if (nanos >= this.kernel.slowHandlerNanos()) {
			this.kernel.logSlowHandler(this, handler, nanos);
		}
		Ask ask = node.ask;
		// Everything of the node is done with before supervision may hold the actor.
		node.release(false);
		if (error == null) {
			PROCESSED.setRelease(turn, turn.processed + 1);
			if (ask != null) {
				replyOutside(ask, result, null);
			}
			publishState();
			return false;
		}
		return onFailure(handler, ask, error);
	}

	/** Completes an ask outside any actor, so that its callbacks never run as this one. */
	private void replyOutside(Ask ask, @Nullable Object result, @Nullable Throwable error) {
		enterTurn(null);
		try {
			if (error == null) {
				ask.reply(result);
			}
			else {
				ask.completeExceptionally(error);
			}
		}
		finally {
			enterTurn(this);
		}
	}

	/** Runs {@code action} outside any actor, on this thread; for completions of other callers' futures. */
	static void outsideActors(Runnable action) {
		ActorCell outer = current();
		if (outer == null) {
			action.run();
			return;
		}
		enterTurn(null);
		try {
			action.run();
		}
		finally {
			enterTurn(outer);
		}
	}

	/** @return whether a hold was registered */
	private boolean onFailure(Handler handler, @Nullable Ask ask, Throwable error) {
		TurnState turn = turnState();
		FAILURES.setRelease(turn, turn.failed + 1);
		ActorMonitor monitor = this.kernel.monitor();
		if (monitor != null) {
			monitor.handlerFailed(this, this.origin.template(), handler.messageType, error);
		}
		this.kernel.logHandlerFailure(this, handler, error);
		if (ask != null) {
			replyOutside(ask, null, error);
		}
		if (error instanceof VirtualMachineError) {
			return failStop();
		}
		return switch (this.origin.supervision()) {
			case RESTART -> restart();
			case STOP -> failStop();
			case RESUME -> {
				publishState();
				yield false;
			}
		};
	}

	private HandlerMetrics metricsFor(Handler handler) {
		TurnState turn = turnState();
		HandlerMetrics[] metrics = turn.metrics;
		if (metrics == null || metrics.length != this.router.handlers.length) {
			metrics = new HandlerMetrics[this.router.handlers.length];
			turn.metrics = metrics;
		}
		HandlerMetrics found = (HandlerMetrics) METRIC.getAcquire(metrics, handler.index);
		if (found == null) {
			found = new HandlerMetrics();
			METRIC.setRelease(metrics, handler.index, found);
			ActorMonitor monitor = this.kernel.monitor();
			if (monitor != null) {
				monitor.handlerAdded(this, this.origin.template(), handler.messageType, found);
			}
		}
		return found;
	}

	// ---- holds: a CompletionStage handler, a stop waiting for children or for its ShutdownMessage handler

	/**
	 * Parks the turn until {@code stage} completes: the status stays {@code SCHEDULED}, so no
	 * producer submits the cell; the completion submits it again, and what follows runs on the
	 * executor, never on the completing thread. A stage that completed while it was registered
	 * is resumed in this turn.
	 * @return whether the hold is registered: then the caller unwinds and touches nothing more
	 */
	private boolean hold(CompletionStage<?> stage, Hold hold) {
		TurnState turn = turnState();
		turn.hold = hold;
		try {
			stage.whenComplete(hold);
		}
		catch (Throwable ex) {
			hold.accept(null, ex);
		}
		if (hold.registered()) {
			return true;
		}
		return resumeHold(turn, null);
	}

	/** @return whether another hold was registered */
	private boolean resumeHold(TurnState turn, Mdc.@Nullable Scope mdc) {
		Hold hold = Objects.requireNonNull(turn.hold);
		turn.hold = null;
		Node node = hold.node;
		Handler handler = hold.handler;
		if (node == null || handler == null) {
			return finishTermination();
		}
		Throwable error = hold.error;
		if (error instanceof CompletionException && error.getCause() != null) {
			error = error.getCause();
		}
		if (node.message instanceof ShutdownMessage) {
			if (error != null) {
				this.kernel.logHandlerFailure(this, handler, error);
			}
			endTermination();
			return false;
		}
		if (mdc != null) {
			mdc.message(handler.messageName, node, this);
		}
		return complete(node, handler, System.nanoTime() - hold.mark, hold.value, error);
	}

	/** Waits for a stage on the actor's behalf; see {@link #hold}. */
	final class Hold implements BiConsumer<Object, Throwable> {

		private static final VarHandle PHASE;

		static {
			try {
				PHASE = MethodHandles.lookup().findVarHandle(Hold.class, "phase", int.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		/** The message whose handler returned the stage; {@code null} for a stop waiting for children. */
		final @Nullable Node node;

		final @Nullable Handler handler;

		final long mark;

		@Nullable Object value;

		@Nullable Throwable error;

		/** 0 registering, 1 waiting, 2 done. */
		@SuppressWarnings("unused")
		private volatile int phase;

		Hold(@Nullable Node node, @Nullable Handler handler, long mark) {
			this.node = node;
			this.handler = handler;
			this.mark = mark;
		}

		@Override
		public void accept(@Nullable Object value, @Nullable Throwable error) {
			if ((int) PHASE.getVolatile(this) == 2) {
				return; // a stage that calls back twice: the first call decided
			}
			this.value = value;
			this.error = error;
			if (PHASE.compareAndSet(this, 0, 2)) {
				return; // completed while registering: the turn goes on inline
			}
			if (PHASE.compareAndSet(this, 1, 2)) {
				ActorCell.this.kernel.dispatch(ActorCell.this);
			}
		}

		/** @return {@code true} if the completion will submit the cell later */
		boolean registered() {
			return PHASE.compareAndSet(this, 0, 1);
		}

	}

	// ---- lifecycle, inside the turn

	/** @return whether a hold was registered (a failed initialize stopping children it made) */
	private boolean initializeActor(boolean first) {
		Throwable error = null;
		try {
			this.actor.initialize(this.kernel.context());
		}
		catch (Throwable ex) {
			error = ex;
		}
		finally {
			closeBindings();
			Thread.interrupted();
		}
		if (error != null) {
			this.kernel.logInitializeFailure(this, error);
			if (first) {
				settleStart(error);
			}
			return failStop();
		}
		if (first) {
			STATE.compareAndSet(this, STARTING, RUNNING);
			settleStart(null);
		}
		return false;
	}

	/** @return whether a hold was registered */
	private boolean restart() {
		long now = System.nanoTime();
		if (!restartAllowed(now)) {
			this.kernel.logRestartLimit(this);
			return failStop();
		}
		Actor old = this.actor;
		try {
			Actor fresh = Objects.requireNonNull(this.origin.factory(), "factory").get();
			this.router = this.kernel.routerOf(fresh);
			this.actor = fresh;
		}
		catch (Throwable ex) {
			this.kernel.logInitializeFailure(this, ex);
			return failStop();
		}
		destroy(old);
		if (initializeActor(false)) {
			return true;
		}
		publishState();
		return false;
	}

	private boolean restartAllowed(long now) {
		int max = this.kernel.maxRestarts();
		if (max <= 0) {
			return false;
		}
		TurnState turn = turnState();
		long[] restarts = turn.restarts;
		if (restarts == null || restarts.length != max) {
			restarts = new long[max];
			Arrays.fill(restarts, Long.MIN_VALUE);
			turn.restarts = restarts;
		}
		// The ring holds the last max restart times; the oldest one must be outside the window.
		int oldest = 0;
		for (int i = 1; i < restarts.length; i++) {
			if (restarts[i] < restarts[oldest]) {
				oldest = i;
			}
		}
		if (restarts[oldest] != Long.MIN_VALUE && now - restarts[oldest] < this.kernel.restartWindowNanos()) {
			return false;
		}
		restarts[oldest] = now;
		return true;
	}

	/** @return whether a hold was registered */
	private boolean failStop() {
		this.failedStop = true;
		for (;;) {
			int state = this.state;
			if (state >= STOPPING || STATE.compareAndSet(this, state, STOPPING)) {
				break;
			}
		}
		return !this.terminating && beginTermination();
	}

	/**
	 * Ends timers and actlets, then stops the children and waits for them.
	 * @return whether a hold was registered
	 */
	private boolean beginTermination() {
		this.terminating = true;
		ActorTimers timers = this.timers;
		if (timers != null) {
			timers.close();
		}
		cancelActlets();
		Set<ActorCell> children = this.children;
		if (children != null && !children.isEmpty()) {
			List<CompletableFuture<Void>> stopping = new ArrayList<>();
			for (ActorCell child : List.copyOf(children)) {
				stopping.add(child.end());
			}
			return hold(CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)), new Hold(null, null, 0L));
		}
		return finishTermination();
	}

	/**
	 * Hands the actor its {@code ShutdownMessage}; a stage it returns holds the actor (at most
	 * the ask timeout) without occupying a thread.
	 * @return whether a hold was registered
	 */
	private boolean finishTermination() {
		Handler shutdown = this.router.find(ShutdownMessage.class);
		if (shutdown != null) {
			Mdc.runtimeMessage(shutdown.messageName);
			Node node = new Node(new ShutdownMessage(), null, shutdown, null);
			node.sequence = this.kernel.looseSequence();
			TurnState turn = turnState();
			turn.current = node;
			Object result = null;
			Throwable error = null;
			try {
				result = shutdown.invoke(this.actor, this.kernel.context(), node.message);
			}
			catch (Throwable ex) {
				error = ex;
			}
			finally {
				turn.current = null;
				closeBindings();
				Thread.interrupted();
			}
			if (error == null && result instanceof CompletionStage<?> stage) {
				CompletableFuture<Object> bounded = new CompletableFuture<>();
				stage.whenComplete((value, failure) -> {
					if (failure != null) {
						bounded.completeExceptionally(failure);
					}
					else {
						bounded.complete(value);
					}
				});
				bounded.orTimeout(this.kernel.askTimeout().toMillis(), TimeUnit.MILLISECONDS);
				return hold(bounded, new Hold(node, shutdown, 0L));
			}
			if (error != null) {
				this.kernel.logHandlerFailure(this, shutdown, error);
			}
		}
		endTermination();
		return false;
	}

	/** The actor has had its ShutdownMessage: it leaves the registry, and what is queued is dead-lettered. */
	private void endTermination() {
		TurnState turn = turnState();
		try {
			STATE.setVolatile(this, this.failedStop ? FAILED : STOPPED);
			this.kernel.unregister(this);
			ActorMonitor monitor = this.kernel.monitor();
			if (monitor != null) {
				monitor.stopped(this, this.origin.template(), this.failedStop);
			}
			StateStream stream = turn.states;
			if (stream != null) {
				stream.complete();
			}
			Node node;
			while ((node = poll(turn)) != null) {
				if (node instanceof StateRequestNode request) {
					request.refuse(new ActorException("Actor '" + this.name + "' has stopped."));
				}
				else if (!(node.message instanceof ShutdownMessage)) {
					this.kernel.deadLetters().post(node, this.name,
							this.forced ? DeadLetter.SHUTDOWN_TIMEOUT : DeadLetter.STOPPED);
				}
				node.release(false);
			}
		}
		finally {
			// Whatever failed above, the actor has ended: its end is announced, its waiters let go.
			destroy(this.actor);
			// A proxy may outlive its actor: it keeps neither the instance nor what the turns used.
			this.actor = GONE;
			turn.forget();
			settleStart(new ActorException("Actor '" + this.name + "' stopped before it started."));
			this.finished = true;
			CompletableFuture<Void> terminated = this.terminated;
			if (terminated != null) {
				outsideActors(() -> terminated.complete(null));
			}
		}
	}

	private void destroy(Actor instance) {
		try {
			this.origin.destroy(instance);
		}
		catch (Throwable ex) {
			this.kernel.logDestroyFailure(this, ex);
		}
	}

	/** Completes when the actor has ended; from any thread. */
	CompletableFuture<Void> terminationFuture() {
		CompletableFuture<Void> terminated = this.terminated;
		if (terminated == null) {
			CompletableFuture<Void> made = new CompletableFuture<>();
			terminated = TERMINATED.compareAndSet(this, null, made) ? made : this.terminated;
		}
		// The ending turn sets finished, then reads the future: one of the two sees the other.
		if (this.finished) {
			terminated.complete(null);
		}
		return terminated;
	}

	/**
	 * Completes when {@code initialize} has returned; fails with its cause when it threw, however
	 * late it is asked. From any thread.
	 */
	CompletableFuture<Void> startedFuture() {
		CompletableFuture<Void> started = this.started;
		if (started == null) {
			CompletableFuture<Void> made = new CompletableFuture<>();
			started = STARTED.compareAndSet(this, null, made) ? made : this.started;
		}
		// The caller's own future: completing or cancelling it changes nothing for anyone else.
		return (started == INITIALIZED) ? CompletableFuture.completedFuture(null) : started.copy();
	}

	/** Records how {@code initialize} ended, and tells whoever waits; the first outcome stays. */
	private void settleStart(@Nullable Throwable error) {
		CompletableFuture<Void> outcome = (error == null) ? INITIALIZED : CompletableFuture.failedFuture(error);
		if (!STARTED.compareAndSet(this, null, outcome)) {
			CompletableFuture<Void> waiting = this.started;
			if (waiting != null && !waiting.isDone()) {
				// its callbacks must not run as this actor
				outsideActors(() -> {
					if (error == null) {
						waiting.complete(null);
					}
					else {
						waiting.completeExceptionally(error);
					}
				});
			}
		}
	}

	// ---- children, timers, actlets, bindings (used by Context inside the turn)

	void addChild(ActorCell child) {
		Set<ActorCell> children = this.children;
		if (children == null) {
			Set<ActorCell> made = ConcurrentHashMap.newKeySet();
			children = CHILDREN.compareAndSet(this, null, made) ? made : this.children;
		}
		children.add(child);
	}

	void removeChild(ActorCell child) {
		Set<ActorCell> children = this.children;
		if (children != null) {
			children.remove(child);
		}
	}

	public ActorTimers timers() {
		ActorTimers timers = this.timers;
		if (timers == null) {
			ActorTimers made = new ActorTimers(this);
			timers = TIMERS.compareAndSet(this, null, made) ? made : this.timers;
		}
		return timers;
	}

	/** Cancels every timer (the core is closing); called from any thread. */
	void closeTimers() {
		ActorTimers timers = this.timers;
		if (timers != null) {
			timers.close();
		}
	}

	public String startActlet(Callable<? extends Message> task) {
		Map<String, Future<?>> actlets = this.actlets;
		if (actlets == null) {
			Map<String, Future<?>> made = new ConcurrentHashMap<>();
			actlets = ACTLETS.compareAndSet(this, null, made) ? made : this.actlets;
		}
		String id = this.name + "#actlet-" + this.kernel.nextActletNumber();
		Map<String, Future<?>> registry = actlets;
		FutureTask<Void> future = new FutureTask<>(() -> {
			Message result;
			try {
				result = task.call();
			}
			catch (Throwable ex) {
				if (!Thread.currentThread().isInterrupted()) {
					deliverActletResult(id, null, ex);
				}
				return null;
			}
			deliverActletResult(id, result, null);
			return null;
		});
		registry.put(id, future);
		try {
			this.kernel.runActlet(future);
		}
		catch (RuntimeException ex) {
			registry.remove(id);
			throw ex;
		}
		return id;
	}

	/** Each actlet ends once: delivered, or cancelled and counted here (whoever removes it decides). */
	private void cancelActlets() {
		Map<String, Future<?>> actlets = this.actlets;
		if (actlets != null) {
			for (Map.Entry<String, Future<?>> actlet : actlets.entrySet()) {
				if (actlets.remove(actlet.getKey(), actlet.getValue())) {
					actlet.getValue().cancel(true);
					this.kernel.countDroppedActletResult();
				}
			}
		}
	}

	@Nullable Node currentNode() {
		TurnState turn = this.turn;
		return (turn != null) ? turn.current : null;
	}

	// ---- what the Context of the running actor asks, inside the turn

	/** Where the actor's instances come from. */
	public ActorOrigin origin() {
		return this.origin;
	}

	/** Whether this actor runs on {@code core}. */
	public boolean runsOn(Core core) {
		return this.kernel.core() == core;
	}

	/** The class of the running instance. */
	public Class<?> actorClass() {
		return this.actor.getClass();
	}

	/** @throws IllegalStateException in {@code initialize}, where there is none */
	public Envelope envelope() {
		Node node = currentNode();
		if (node == null) {
			throw new IllegalStateException("Actor '" + this.name + "' has no envelope outside a handler.");
		}
		return node.envelope(this.kernel.envelopeId(node), this.name);
	}

	public Optional<ActorProxy<?>> sender() {
		Node node = currentNode();
		return (node != null) ? Optional.ofNullable(node.sender) : Optional.empty();
	}

	public <A extends Actor> ActorProxy<A> createChild(String name, A actor) {
		return this.kernel.createChild(this, name, actor);
	}

	public <A extends Actor> ActorProxy<A> createChild(Class<A> type, String name) {
		return this.kernel.createChild(this, type, name);
	}

	public void bind(String key, @Nullable String previous) {
		TurnState turn = turnState();
		if (turn.bindings == null) {
			turn.bindings = new ArrayList<>(2);
		}
		turn.bindings.add(new String[] { key, previous });
	}

	public boolean unbind(String key) {
		List<String[]> bindings = turnState().bindings;
		if (bindings == null) {
			return false;
		}
		for (int i = bindings.size() - 1; i >= 0; i--) {
			if (bindings.get(i)[0].equals(key)) {
				String[] binding = bindings.remove(i);
				Mdc.restore(binding[0], binding[1]);
				return true;
			}
		}
		return false;
	}

	private void closeBindings() {
		List<String[]> bindings = turnState().bindings;
		if (bindings != null && !bindings.isEmpty()) {
			for (int i = bindings.size() - 1; i >= 0; i--) {
				Mdc.restore(bindings.get(i)[0], bindings.get(i)[1]);
			}
			bindings.clear();
		}
	}

	// ---- monitoring, any thread

	ActorInfo info() {
		Map<String, ActorInfo.HandlerStats> stats = new LinkedHashMap<>();
		TurnState turn = publishedTurn();
		HandlerMetrics[] metrics = (turn != null) ? turn.metrics : null;
		Handler[] handlers = this.router.handlers;
		if (metrics != null) {
			for (int i = 0; i < metrics.length && i < handlers.length; i++) {
				HandlerMetrics found = (HandlerMetrics) METRIC.getAcquire(metrics, i);
				if (found != null) {
					stats.put(handlers[i].messageName, found.snapshot());
				}
			}
		}
		return new ActorInfo(this.name, this.actor.getClass().getName(), STATE_NAMES[this.state], mailboxSize(),
				(turn != null) ? turn.processed : 0L, (turn != null) ? turn.failed : 0L,
				Collections.unmodifiableMap(stats));
	}

	/** The start of this incarnation's envelope ids, made on first use; inside the turn. */
	String idPrefix() {
		TurnState turn = turnState();
		String prefix = turn.idPrefix;
		if (prefix == null) {
			prefix = this.kernel.newIdPrefix();
			turn.idPrefix = prefix;
		}
		return prefix;
	}

	/** How long the handler running now has run, in nanoseconds at {@code now}; 0 when none runs. */
	long busyNanos(long now) {
		TurnState turn = publishedTurn();
		long since = (turn != null) ? (long) BUSY_SINCE.getOpaque(turn) : 0L;
		return (since == 0L) ? 0L : Math.max(1L, now - since);
	}

	/** Whether no turn runs or waits and no mail is queued. */
	boolean isQuiet() {
		// The turn writes the head before it sets IDLE; a sender swaps the tail before it reads
		// the status: seeing IDLE and the tail at the head means no mail is queued.
		return this.status == IDLE && TAIL.getVolatile(this) == head();
	}

	/** Whether actlets of this actor are still running. */
	public boolean hasActlets() {
		Map<String, Future<?>> actlets = this.actlets;
		return actlets != null && !actlets.isEmpty();
	}

}
