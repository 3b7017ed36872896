package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

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
public final class ActorCell extends CellLifecycle implements ActorProxy<Actor>, Runnable {

	private static final String[] STATE_NAMES = { "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED" };

	/** What the turn's calls return once a hold is registered: the turn must touch nothing more. */
	static final long HELD = Long.MIN_VALUE;

	private static final VarHandle PROCESSED;

	private static final VarHandle FAILURES;

	private static final VarHandle BUSY_SINCE;

	private static final VarHandle METRIC = MethodHandles.arrayElementVarHandle(HandlerMetrics[].class);

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			PROCESSED = lookup.findVarHandle(TurnState.class, "processed", long.class);
			FAILURES = lookup.findVarHandle(TurnState.class, "failed", long.class);
			BUSY_SINCE = lookup.findVarHandle(TurnState.class, "busySince", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	ActorCell(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor,
			HandlerTable table) {
		super(kernel, name, parent, origin, actor, table);
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
		marker.release();
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
			// A registered hold owns its node and releases it once the stage completes; a handled
			// message's node was released by complete() already (its message is gone).
			if (next != HELD && node.message != null) {
				node.release();
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
	@Override
	void publishState() {
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
		node.release();
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
	@Override
	boolean hold(CompletionStage<?> stage, AsyncHold hold) {
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

	// ---- the current node and bindings (used by Context inside the turn)

	@Nullable Node currentNode() {
		TurnState turn = existingTurn();
		return (turn != null) ? turn.current : null;
	}

	// ---- what the Context of the running actor asks, inside the turn

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

	@Override
	void closeBindings() {
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

}
