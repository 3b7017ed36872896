package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.MessageTracer;
import io.libactors.ShutdownMessage;
import io.libactors.Supervision;
import io.libactors.internal.handler.Handler;
import io.libactors.internal.handler.HandlerTable;
import io.libactors.internal.observe.HandlerMetrics;
import io.libactors.internal.observe.MonitorChain;
import org.jspecify.annotations.Nullable;


/**
 * The turn, the layer of the cell above its {@link CellLifecycle}: resumes a completed hold,
 * runs {@code initialize} the first time, then takes up to the throughput's worth of messages,
 * each handled under the actor's supervision; a handler's {@code CompletionStage} holds the
 * actor ({@link AsyncHold}) without holding a thread. One object per actor with the rest of the
 * cell.
 * <p>
 * Threading: one turn at a time, on the executor ({@link Mailbox} hands the turn over);
 * {@link #busyNanos(long)} from any thread.
 */
abstract sealed class TurnLoop extends CellLifecycle implements Runnable permits ActorCell {

	/** What the turn's calls return once a hold is registered: the turn must touch nothing more. */
	static final long HELD = Long.MIN_VALUE;

	private static final VarHandle PROCESSED;

	private static final VarHandle FAILURES;

	private static final VarHandle BUSY_SINCE;

	/** Each handler's metrics, published with release stores for monitoring threads. */
	static final VarHandle METRIC = MethodHandles.arrayElementVarHandle(HandlerMetrics[].class);

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

	TurnLoop(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor,
			HandlerTable table) {
		super(kernel, name, parent, origin, actor, table);
	}

	/** Answers a subscription to the actor's states, inside the turn. */
	abstract void serve(StateRequestNode request);

	@Override
	void submit() {
		this.kernel.dispatch(self());
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
		ActorCell outer = CurrentActor.enter(self());
		Mdc.Scope mdc = this.kernel.mdc().enter(this.name);
		boolean held;
		try {
			held = turn(turnState(), mdc);
		}
		catch (Throwable ex) {
			// Only a bug of the runtime gets here: user code is called under its own guard.
			this.kernel.log.turnFailure(self(), ex);
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
		if (turn.hold != null && (resumeHold(turn, mdc) || isClosed())) {
			return true; // held again, or a passivated entity has ended: a closed mailbox has no more turns
		}
		if (!this.initialized) {
			this.initialized = true;
			mdc.noMessage();
			if (initializeActor(true)) {
				return true;
			}
		}
		int budget = this.origin.throughput();
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

	/**
	 * An idle entity passivates: its mailbox closes unless mail came since the sweep, and it
	 * ends as a stopped actor does.
	 * @return whether it closed: then the turn touches nothing more and is not given back
	 */
	private boolean passivate() {
		if (this.state != RUNNING || this.terminating || !close(turnState())) {
			return false;
		}
		markStopping();
		beginTermination();
		return true;
	}

	/** @return the time the next message starts, or {@link #HELD} */
	private long process(Node node, long mark, Mdc.Scope mdc) {
		if (node.message == null) {
			// a request of the runtime's: a state subscription, or monitors to catch up with
			if (node instanceof StateRequestNode request) {
				serve(request);
			}
			else if (node instanceof PassivationNode) {
				return passivate() ? HELD : mark;
			}
			else {
				monitors();
			}
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
		ActorTimers timers = this.timers;
		if (timers != null && !timers.taking(node)) {
			return mark;
		}
		Handler handler = node.handler;
		if (handler == null || handler.table() != this.table) {
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
		mdc.message(handler.messageName, node, self());
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
			CompletionStage<?> stage = handler.stage(result);
			if (stage == null) {
				error = new ActorException(handler.describe() + " returned a null " + handler.method.getReturnType().getSimpleName()
						+ ".");
			}
			else {
				return hold(stage, new AsyncHold(self(), node, handler, mark)) ? HELD : System.nanoTime();
			}
		}
		long now = System.nanoTime();
		return complete(node, handler, now - mark, result, error) ? HELD : now;
	}

	private MessageTracer.@Nullable Handling startTracing(Node node, Handler handler) {
		MessageTracer tracer = this.kernel.tracer();
		if (tracer == null) {
			return null;
		}
		MessageTracer.Handling tracing = tracer.start(node.trace, self(), this.origin.template(), handler.messageType);
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
			this.kernel.log.slowHandler(self(), handler, nanos);
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
			CurrentActor.enter(self());
		}
	}

	/** @return whether a hold was registered */
	private boolean onFailure(Handler handler, @Nullable Ask ask, Throwable error) {
		TurnState turn = turnState();
		FAILURES.setRelease(turn, turn.failed + 1);
		MonitorChain monitors = monitors();
		if (monitors != null) {
			monitors.handlerFailed(self(), this.origin.template(), handler.messageType, error);
		}
		this.kernel.log.handlerFailure(self(), handler, error);
		if (ask != null) {
			replyOutside(ask, null, error);
		}
		if (error instanceof VirtualMachineError) {
			return failStop();
		}
		return switch (decide(error)) {
			case RESTART -> restartAfterBackoff(this.actor);
			case STOP -> failStop();
			case RESUME -> {
				publishState();
				yield false;
			}
		};
	}

	/** The actor's own decision for this failure, else the supervision it was created with. */
	private Supervision decide(Throwable error) {
		Supervision decided = null;
		try {
			decided = this.actor.supervise(error);
		}
		catch (RuntimeException ex) {
			this.kernel.log.superviseFailure(self(), ex);
		}
		if (decided == Supervision.RESTART && this.origin.factory() == null) {
			this.kernel.log.cannotRestart(self());
			return Supervision.STOP;
		}
		return (decided != null) ? decided : this.origin.supervision();
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
			// caught up first, so that a monitor attached meanwhile hears of this handler once
			MonitorChain monitors = monitors();
			found = new HandlerMetrics(this.kernel.tables.latency(this.table.actorClass, handler.messageType));
			METRIC.setRelease(metrics, handler.index, found);
			if (monitors != null) {
				monitors.handlerAdded(self(), this.origin.template(), handler.messageType, found);
			}
		}
		return found;
	}

	/**
	 * The monitors attached so far, inside the turn: those attached since this actor was
	 * announced hear of it first, its start and then each handler it has used, so every monitor
	 * hears of an actor once and in order. None after the actor has stopped.
	 */
	final @Nullable MonitorChain monitors() {
		MonitorChain attached = this.kernel.monitors();
		MonitorChain known = this.monitors;
		if (attached == known || attached == null || this.state >= STOPPED) {
			return known;
		}
		this.monitors = attached;
		MonitorChain added = attached.since(known);
		added.started(self(), this.origin.template());
		TurnState turn = existingTurn();
		HandlerMetrics[] metrics = (turn != null) ? turn.metrics : null;
		// metrics of the table before a restart that changed it are not this table's
		if (metrics != null && metrics.length == this.table.handlers.length) {
			for (int i = 0; i < metrics.length; i++) {
				HandlerMetrics used = (HandlerMetrics) METRIC.getAcquire(metrics, i);
				if (used != null) {
					added.handlerAdded(self(), this.origin.template(), this.table.handlers[i].messageType, used);
				}
			}
		}
		return attached;
	}

	// ---- holds: a CompletionStage handler or initializeAsync, a stop waiting for children or for its ShutdownMessage handler

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
		Throwable error = hold.error;
		if (error instanceof CompletionException && error.getCause() != null) {
			error = error.getCause();
		}
		switch (hold.waits) {
			case FIRST_START -> {
				return initialized(true, error);
			}
			case RESTART_START -> {
				return initialized(false, error);
			}
			case BACKOFF -> {
				Objects.requireNonNull(turn.restarts).backoff = null;
				// also when a stop ended the wait early: the mail queued before the stop goes to
				// a new instance, as a restart promises, then the stop
				return restart();
			}
			case STAGE -> {
				// below
			}
		}
		Node node = hold.node;
		Handler handler = hold.handler;
		if (node == null || handler == null) {
			return finishTermination();
		}
		if (node.message instanceof ShutdownMessage) {
			if (error != null) {
				this.kernel.log.handlerFailure(self(), handler, error);
			}
			endTermination();
			return false;
		}
		if (mdc != null) {
			mdc.message(handler.messageName, node, self());
		}
		return complete(node, handler, System.nanoTime() - hold.mark, hold.value, error);
	}


	/** How long the handler running now has run, in nanoseconds at {@code now}; 0 when none runs. */
	long busyNanos(long now) {
		TurnState turn = publishedTurn();
		long since = (turn != null) ? (long) BUSY_SINCE.getOpaque(turn) : 0L;
		return (since == 0L) ? 0L : Math.max(1L, now - since);
	}

}
