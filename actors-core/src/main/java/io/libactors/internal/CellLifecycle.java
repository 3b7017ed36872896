package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.Backoff;
import io.libactors.DeadLetter;
import io.libactors.ShutdownMessage;
import io.libactors.StatefulActor;
import io.libactors.TimerScheduler;
import io.libactors.internal.handler.Handler;
import io.libactors.internal.handler.HandlerTable;
import io.libactors.internal.observe.MonitorChain;
import io.libactors.internal.observe.StateStream;
import org.jspecify.annotations.Nullable;

/**
 * An actor's identity and lifecycle, the layer of the cell between {@link CellResources} and its
 * turn ({@link TurnLoop}): {@code initialize}, restarts within their budget, the staged end
 * (timers and actlets, then children, then {@code ShutdownMessage}, then what is left as dead
 * letters), and the futures that report the start and the end. One object per actor with the
 * rest of the cell.
 * <p>
 * Threading: the lifecycle methods run inside the turn (or on the stopping thread holding it);
 * {@link #state()} and the futures are read from any thread.
 */
abstract sealed class CellLifecycle extends CellResources permits TurnLoop {

	// The actor's states, in the order it passes them (FAILED is STOPPED after a failure):
	// senders and the runtime compare with >= STOPPING and >= STOPPED, so the order is the contract.

	static final int STARTING = 0;

	static final int RUNNING = 1;

	static final int STOPPING = 2;

	static final int STOPPED = 3;

	static final int FAILED = 4;

	static final VarHandle STATE;

	private static final VarHandle TERMINATED;

	private static final VarHandle STARTED;

	/** What {@link #startedFuture()} holds once {@code initialize} returned normally. */
	private static final CompletableFuture<Void> INITIALIZED = CompletableFuture.completedFuture(null);

	/** What a stopped cell holds instead of its instance, so that a kept proxy keeps no actor alive. */
	private static final Actor GONE = new Actor() {
	};

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			STATE = lookup.findVarHandle(CellLifecycle.class, "state", int.class);
			TERMINATED = lookup.findVarHandle(CellLifecycle.class, "terminated", CompletableFuture.class);
			STARTED = lookup.findVarHandle(CellLifecycle.class, "started", CompletableFuture.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** {@code STARTING} to {@code FAILED}; read by every sender, written rarely. */
	volatile int state;

	/** Replaced only by a restart, inside the turn. */
	HandlerTable table;

	final String name;

	final @Nullable ActorCell parent;

	final ActorOrigin origin;

	/** Replaced only by a restart, inside the turn. */
	Actor actor;

	/** The monitors this actor was announced to: set at its creation, then inside its turns. */
	@Nullable MonitorChain monitors;

	/** Shutdown ran out of time: what is left becomes dead letters. */
	volatile boolean forced;

	/** Made when someone first waits for the end; completed once the actor has ended. */
	volatile @Nullable CompletableFuture<Void> terminated;

	/**
	 * The outcome of {@code initialize}: {@code null} until it is known and nobody waits,
	 * {@link #INITIALIZED}, a failed future with its cause, or the future someone waits on.
	 */
	volatile @Nullable CompletableFuture<Void> started;

	volatile boolean finished;

	/** The turn's alone (and the stopping thread's once it holds the turn). */
	boolean initialized;

	boolean terminating;

	boolean failedStop;

	CellLifecycle(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor,
			HandlerTable table) {
		super(kernel);
		this.table = table;
		this.name = name;
		this.parent = parent;
		this.origin = origin;
		this.actor = actor;
		if (!table.initializes && !(origin.entity() && actor instanceof StatefulActor)) {
			// nothing to run before the first message: running from the start saves a turn
			this.initialized = true;
			this.state = RUNNING;
			this.started = INITIALIZED;
		}
	}

	int state() {
		return this.state;
	}

	/** See {@link TurnLoop#hold}: {@code true} once the hold is registered. */
	abstract boolean hold(CompletionStage<?> stage, AsyncHold hold);

	/** The states of a {@code StatefulActor}, to its observers, if it changed. */
	abstract void publishState();

	/** Restores what {@code Context.bind} put in the MDC during the call that just ended. */
	abstract void closeBindings();

	// ---- lifecycle, inside the turn

	/**
	 * Runs {@code initialize}, then {@code initializeAsync}, whose stage holds the actor.
	 * @return whether a hold was registered (the stage, or a failed initialize stopping children it made)
	 */
	boolean initializeActor(boolean first) {
		Throwable error = null;
		CompletionStage<?> later = null;
		try {
			if (first && this.origin.entity()) {
				this.kernel.entities.restore(self());
			}
			this.actor.initialize(this.kernel.context());
			later = this.actor.initializeAsync(this.kernel.context());
		}
		catch (Throwable ex) {
			error = ex;
		}
		finally {
			closeBindings();
			Thread.interrupted();
		}
		if (error == null && later != null) {
			return hold(later, new AsyncHold(self(), first ? AsyncHold.Waits.FIRST_START : AsyncHold.Waits.RESTART_START));
		}
		return initialized(first, error);
	}

	/**
	 * The instance has initialized, or failed to: the actor starts, or stops. After a restart,
	 * observers see the new instance's state.
	 * @return whether a hold was registered (a failed initialize stopping children it made)
	 */
	boolean initialized(boolean first, @Nullable Throwable error) {
		if (error != null) {
			this.kernel.log.initializeFailure(self(), error);
			if (first) {
				settleStart(error);
			}
			return failStop();
		}
		if (first) {
			STATE.compareAndSet(this, STARTING, RUNNING);
			settleStart(null);
		}
		else {
			publishState();
		}
		return false;
	}

	/**
	 * Restarts now, or holds the actor for its back-off first ({@link #restart} follows).
	 * @return whether a hold was registered
	 */
	boolean restartAfterBackoff(Actor failed) {
		Backoff backoff = failed.restartBackoff();
		if (backoff == null) {
			backoff = this.kernel.restartBackoff();
		}
		if (backoff == null) {
			return restart();
		}
		RestartHistory history = turnState().restartHistory();
		TimerScheduler clock = this.kernel.timerScheduler();
		Duration delay = history.nextDelay(backoff, clock.nanoTime());
		CompletableFuture<Void> waited = new CompletableFuture<>();
		history.backoff = waited;
		if (this.state >= STOPPING) {
			waited.complete(null); // asked to stop already: no wait
		}
		clock.schedule(() -> waited.complete(null), delay);
		return hold(waited, new AsyncHold(self(), AsyncHold.Waits.BACKOFF));
	}

	/** @return whether a hold was registered */
	boolean restart() {
		long now = System.nanoTime();
		if (!restartAllowed(now)) {
			this.kernel.log.restartLimit(self());
			return failStop();
		}
		Actor old = this.actor;
		try {
			Actor fresh = Objects.requireNonNull(this.origin.factory(), "factory").get();
			this.table = this.kernel.tables.tableOf(fresh);
			this.actor = fresh;
		}
		catch (Throwable ex) {
			this.kernel.log.initializeFailure(self(), ex);
			return failStop();
		}
		destroy(old);
		return initializeActor(false);
	}

	private boolean restartAllowed(long now) {
		return turnState().restartHistory().allow(now, this.kernel.maxRestarts(), this.kernel.restartWindowNanos());
	}

	/** @return whether a hold was registered */
	boolean failStop() {
		this.failedStop = true;
		markStopping();
		return !this.terminating && beginTermination();
	}

	/** From the turn: the actor is stopping, unless a stop got there first. */
	final void markStopping() {
		for (;;) {
			int state = this.state;
			if (state >= STOPPING || STATE.compareAndSet(this, state, STOPPING)) {
				return;
			}
		}
	}

	/**
	 * Ends timers and actlets, then stops the children and waits for them.
	 * @return whether a hold was registered
	 */
	boolean beginTermination() {
		this.terminating = true;
		CompletableFuture<Void> children = endOwned();
		return (children != null) ? hold(children, new AsyncHold(self(), null, null, 0L)) : finishTermination();
	}

	/**
	 * Hands the actor its {@code ShutdownMessage}; a stage it returns holds the actor (at most
	 * the ask timeout) without occupying a thread.
	 * @return whether a hold was registered
	 */
	boolean finishTermination() {
		Handler shutdown = this.table.find(ShutdownMessage.class);
		if (shutdown != null) {
			Mdc.runtimeMessage(shutdown.messageName);
			Node node = new Node(new ShutdownMessage(), null, shutdown, null);
			node.sequence = this.kernel.delivery.looseSequence();
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
			CompletionStage<?> stage = (error == null && shutdown.async) ? shutdown.stage(result) : null;
			if (stage != null) {
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
				return hold(bounded, new AsyncHold(self(), node, shutdown, 0L));
			}
			if (error != null) {
				this.kernel.log.handlerFailure(self(), shutdown, error);
			}
		}
		endTermination();
		return false;
	}

	/** The actor has had its ShutdownMessage: it leaves the registry, and what is queued is dead-lettered. */
	void endTermination() {
		TurnState turn = turnState();
		try {
			if (this.origin.entity() && this.started == INITIALIZED) {
				// before the end is known: the next activation waits for it, then restores this
				this.kernel.entities.save(self());
			}
			STATE.setVolatile(this, this.failedStop ? FAILED : STOPPED);
			this.kernel.creation.unregister(self());
			// after the state: a watch that comes now sees the end and is told at once
			this.kernel.watches.ended(self());
			if (turn.watching != null) {
				this.kernel.watches.watcherEnded(self(), turn.watching);
			}
			// only the monitors that heard of its start
			MonitorChain monitors = this.monitors;
			if (monitors != null) {
				monitors.stopped(self(), this.origin.template(), this.failedStop);
			}
			StateStream stream = turn.states;
			if (stream != null) {
				stream.complete();
			}
			Node node;
			// a closed mailbox's mail is its senders', who send it to the next activation
			while (!isClosed() && (node = poll(turn)) != null) {
				if (node instanceof StateRequestNode request) {
					request.refuse(new ActorException("Actor '" + this.name + "' has stopped."));
				}
				else if (node.message != null && !(node.message instanceof ShutdownMessage)) {
					this.kernel.deadLetters().post(node, this.name,
							this.forced ? DeadLetter.SHUTDOWN_TIMEOUT : DeadLetter.STOPPED);
				}
				node.release();
			}
		}
		finally {
			// Whatever failed above, the actor has ended: its end is announced, its waiters let go.
			destroy(this.actor);
			// A proxy may outlive its actor: it keeps neither the instance nor what the turns used.
			this.actor = GONE;
			turn.forget();
			CompletableFuture<Void> started = this.started;
			if (started == null || !started.isDone()) {
				// only then: an exception's stack trace is no price for every stop to pay
				settleStart(new ActorException("Actor '" + this.name + "' stopped before it started."));
			}
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
			this.kernel.log.destroyFailure(self(), ex);
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

	/** Where the actor's instances come from. */
	public ActorOrigin origin() {
		return this.origin;
	}

	@Override
	final int capacity() {
		return this.origin.mailboxCapacity();
	}

}
