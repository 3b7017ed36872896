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
import java.util.concurrent.TimeUnit;

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
 * One running actor: its {@link Mailbox}, its turn on the executor, its lifecycle. Also the
 * actor's {@link ActorProxy}, so an actor that never had mail costs one object besides its
 * instance (its {@link TurnState} comes with its first message).
 */
public final class ActorCell extends Mailbox implements ActorProxy<Actor>, Runnable {

	static final int STARTING = 0;

	static final int RUNNING = 1;

	static final int STOPPING = 2;

	static final int STOPPED = 3;

	static final int FAILED = 4;

	private static final String[] STATE_NAMES = { "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED" };

	private static final VarHandle STATE;

	private static final VarHandle PROCESSED;

	private static final VarHandle FAILURES;

	private static final VarHandle BUSY_SINCE;

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
			STATE = lookup.findVarHandle(ActorCell.class, "state", int.class);
			TERMINATED = lookup.findVarHandle(ActorCell.class, "terminated", CompletableFuture.class);
			STARTED = lookup.findVarHandle(ActorCell.class, "started", CompletableFuture.class);
			CHILDREN = lookup.findVarHandle(ActorCell.class, "children", Set.class);
			TIMERS = lookup.findVarHandle(ActorCell.class, "timers", ActorTimers.class);
			ACTLETS = lookup.findVarHandle(ActorCell.class, "actlets", Actlets.class);
			PROCESSED = lookup.findVarHandle(TurnState.class, "processed", long.class);
			FAILURES = lookup.findVarHandle(TurnState.class, "failed", long.class);
			BUSY_SINCE = lookup.findVarHandle(TurnState.class, "busySince", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** {@code STARTING} to {@code FAILED}; read by every sender, written rarely. */
	private volatile int state;

	/** Replaced only by a restart, inside the turn. */
	HandlerTable table;

	final String name;

	final @Nullable ActorCell parent;

	final ActorOrigin origin;

	/** Replaced only by a restart, inside the turn. */
	Actor actor;

	/** Shutdown ran out of time: what is left becomes dead letters. */
	volatile boolean forced;

	private volatile @Nullable Set<ActorCell> children;

	private volatile @Nullable ActorTimers timers;

	private volatile @Nullable Actlets actlets;

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

	ActorCell(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor, HandlerTable table) {
		super(kernel);
		this.table = table;
		this.name = name;
		this.parent = parent;
		this.origin = origin;
		this.actor = actor;
		if (!table.initializes) {
			// nothing to run before the first message: running from the start saves a turn
			this.initialized = true;
			this.state = RUNNING;
			this.started = INITIALIZED;
		}
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
		if (CurrentActor.get() == this) {
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
		if (claimEnding()) {
			if (terminatesHere(marker)) {
				terminateHere();
			}
			else {
				passEnding();
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
		TurnState turn = existingTurn();
		return head().next() == marker && this.initialized && (turn == null || turn.hold == null && turn.states == null)
				&& CurrentActor.get() == null && this.origin.destroyer() == null && (children == null || children.isEmpty())
				&& this.table.find(ShutdownMessage.class) == null;
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

	/** Bounded mailboxes count; unbounded ones are walked, O(depth). */
	@Override
	public int mailboxSize() {
		return depth();
	}

	@Override
	public String toString() {
		return "ActorProxy[" + this.name + "]";
	}

	// ---- mail from the runtime

	int state() {
		return this.state;
	}

	@Override
	void submit() {
		this.kernel.dispatch(this);
	}

	/** From the turn: after a schedule's last tick, if the actor handles {@link TimerDone}. */
	void deliverTimerDone(String key) {
		Handler handler = this.table.find(TimerDone.class);
		if (handler != null) {
			enqueue(new Node(new TimerDone(key), null, handler, null), true);
		}
	}

	void deliverTick(String key, long generation, Message message) {
		if (this.state >= STOPPING) {
			return;
		}
		Handler handler = this.table.find(message.getClass());
		enqueue(new TickNode(message, handler, key, generation), true);
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
		ActorCell outer = CurrentActor.enter(this);
		Mdc.Scope mdc = this.kernel.mdc().enter(this.name);
		boolean held;
		try {
			held = turn(turnState(), mdc);
		}
		catch (Throwable ex) {
			// Only a bug of the runtime gets here: user code is called under its own guard.
			this.kernel.log.turnFailure(this, ex);
			held = false;
		}
		finally {
			mdc.close();
			CurrentActor.enter(outer);
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
		if (handler == null || handler.table != this.table) {
			handler = this.table.find(message.getClass());
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
				return hold((CompletionStage<?>) result, new AsyncHold(this, node, handler, mark)) ? HELD : System.nanoTime();
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
			this.kernel.log.subscriberFailure(this, ex);
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
				this.kernel.log.stateFailure(this, ex);
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
		if (nanos >= this.kernel.log.slowHandlerNanos()) {
			this.kernel.log.slowHandler(this, handler, nanos);
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
		CurrentActor.enter(null);
		try {
			if (error == null) {
				ask.reply(result);
			}
			else {
				ask.completeExceptionally(error);
			}
		}
		finally {
			CurrentActor.enter(this);
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
		this.kernel.log.handlerFailure(this, handler, error);
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
		if (metrics == null || metrics.length != this.table.handlers.length) {
			metrics = new HandlerMetrics[this.table.handlers.length];
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
	private boolean hold(CompletionStage<?> stage, AsyncHold hold) {
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
		AsyncHold hold = Objects.requireNonNull(turn.hold);
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
				this.kernel.log.handlerFailure(this, handler, error);
			}
			endTermination();
			return false;
		}
		if (mdc != null) {
			mdc.message(handler.messageName, node, this);
		}
		return complete(node, handler, System.nanoTime() - hold.mark, hold.value, error);
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
			this.kernel.log.initializeFailure(this, error);
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
			this.kernel.log.restartLimit(this);
			return failStop();
		}
		Actor old = this.actor;
		try {
			Actor fresh = Objects.requireNonNull(this.origin.factory(), "factory").get();
			this.table = this.kernel.tableOf(fresh);
			this.actor = fresh;
		}
		catch (Throwable ex) {
			this.kernel.log.initializeFailure(this, ex);
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
		Actlets actlets = this.actlets;
		if (actlets != null) {
			actlets.cancelAll();
		}
		Set<ActorCell> children = this.children;
		if (children != null && !children.isEmpty()) {
			List<CompletableFuture<Void>> stopping = new ArrayList<>();
			for (ActorCell child : List.copyOf(children)) {
				stopping.add(child.end());
			}
			return hold(CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)), new AsyncHold(this, null, null, 0L));
		}
		return finishTermination();
	}

	/**
	 * Hands the actor its {@code ShutdownMessage}; a stage it returns holds the actor (at most
	 * the ask timeout) without occupying a thread.
	 * @return whether a hold was registered
	 */
	private boolean finishTermination() {
		Handler shutdown = this.table.find(ShutdownMessage.class);
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
				return hold(bounded, new AsyncHold(this, node, shutdown, 0L));
			}
			if (error != null) {
				this.kernel.log.handlerFailure(this, shutdown, error);
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
				CurrentActor.outside(() -> terminated.complete(null));
			}
		}
	}

	private void destroy(Actor instance) {
		try {
			this.origin.destroy(instance);
		}
		catch (Throwable ex) {
			this.kernel.log.destroyFailure(this, ex);
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
				CurrentActor.outside(() -> {
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
		Actlets actlets = this.actlets;
		if (actlets == null) {
			Actlets made = new Actlets(this);
			actlets = ACTLETS.compareAndSet(this, null, made) ? made : this.actlets;
		}
		return actlets.start(task);
	}

	@Nullable Node currentNode() {
		TurnState turn = existingTurn();
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
		return this.table.actorClass;
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
		Handler[] handlers = this.table.handlers;
		if (metrics != null) {
			for (int i = 0; i < metrics.length && i < handlers.length; i++) {
				HandlerMetrics found = (HandlerMetrics) METRIC.getAcquire(metrics, i);
				if (found != null) {
					stats.put(handlers[i].messageName, found.snapshot());
				}
			}
		}
		return new ActorInfo(this.name, this.table.actorClass.getName(), STATE_NAMES[this.state], mailboxSize(),
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

	/** Whether actlets of this actor are still running. */
	public boolean hasActlets() {
		Actlets actlets = this.actlets;
		return actlets != null && !actlets.isEmpty();
	}

}
