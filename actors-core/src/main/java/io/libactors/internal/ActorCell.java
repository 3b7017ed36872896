package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorInfo;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Envelope;
import io.libactors.Message;
import io.libactors.ShutdownMessage;
import io.libactors.StatefulActor;
import io.libactors.TimerDone;
import io.libactors.internal.handler.Handler;
import io.libactors.internal.handler.HandlerTable;
import io.libactors.internal.observe.HandlerMetrics;
import io.libactors.internal.observe.StateStream;
import org.jspecify.annotations.Nullable;


/**
 * One running actor, the top layer of its cell: {@link Mailbox}, {@link CellLifecycle},
 * {@link TurnLoop}, then this, the actor's {@link ActorProxy} and what its {@code Context} asks
 * inside the turn, so that an actor that never had mail costs one object besides its instance
 * (its {@link TurnState} comes with its first message).
 * <p>
 * Threading: the proxy's methods from any thread; what the context asks, inside the turn.
 */
public final class ActorCell extends TurnLoop implements ActorProxy<Actor> {

	private static final String[] STATE_NAMES = { "STARTING", "RUNNING", "STOPPING", "STOPPED", "FAILED" };

	ActorCell(Kernel kernel, String name, @Nullable ActorCell parent, ActorOrigin origin, Actor actor,
			HandlerTable table) {
		super(kernel, name, parent, origin, actor, table);
	}

	/**
	 * How the actor addresses itself ({@code context.self()}): an entity whose core places
	 * entities across instances through the router, like any sender, so that mail sent to it
	 * later reaches it wherever it lives then.
	 */
	public ActorProxy<?> addressed() {
		return (this.origin.entity() && this.kernel.entityRouter != null) ? this.kernel.entities.routed(this) : this;
	}

	// ---- ActorProxy

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void tell(Message message) {
		this.kernel.delivery.send(this, message, null);
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType) {
		return ask(message, replyType, this.origin.askTimeout());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout) {
		Objects.requireNonNull(message, "message must not be null");
		Ask ask = this.kernel.delivery.newAsk(this.name, message, replyType, timeout);
		if (CurrentActor.get() == this) {
			ask.completeExceptionally(Delivery.askedItself(this.name, message));
			return (CompletableFuture<R>) (CompletableFuture<?>) ask;
		}
		this.kernel.delivery.send(this, message, ask);
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
		TurnState turn = publishedTurn();
		RestartHistory restarts = (turn != null) ? turn.restarts : null;
		CompletableFuture<Void> backoff = (restarts != null) ? restarts.backoff : null;
		if (backoff != null) {
			backoff.complete(null); // a restart's back-off ends: the stop comes first
		}
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
			if (this.state >= STOPPED || !enqueue(new StateRequestNode(subscriber, type), true)) {
				StateRequestNode.refuse(subscriber, new ActorException("Actor '" + this.name + "' has stopped."));
			}
		};
	}

	@Override
	public boolean isAlive() {
		return this.state < STOPPED;
	}

	/** Whether mail sent now is this actor's to take: neither stopping nor a closed entity activation. */
	boolean takesMail() {
		return this.state < STOPPING && !isClosed();
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

	/** A monitor was attached: the turn announces this actor to it (see {@link #monitors()}); any thread. */
	void catchUpMonitors() {
		if (this.state < STOPPED) {
			enqueue(new Node(null, null, null, null), true);
		}
	}

	/** From the turn: after a schedule's last tick, if the actor handles {@link TimerDone}. */
	void deliverTimerDone(String key) {
		Handler handler = this.table.find(TimerDone.class);
		if (handler != null) {
			enqueue(new Node(new TimerDone(key), null, handler, null), true);
		}
	}

	/** From the timers' scheduler: the end of a quiet period, checked in the turn. */
	void deliverIdle(ActorTimers.Idle idle) {
		if (this.state >= STOPPING) {
			return;
		}
		enqueue(new IdleTick(idle.message, idle.handler, idle), true);
	}

	/** The handler of {@code message}'s type, or {@code null}. */
	@Nullable Handler handlerOf(Message message) {
		return this.table.find(message.getClass());
	}

	void deliverTick(String key, long generation, Message message) {
		if (this.state >= STOPPING) {
			return;
		}
		Handler handler = this.table.find(message.getClass());
		enqueue(new TickNode(message, handler, key, generation), true);
	}

	// ---- observable state, inside the turn

	@SuppressWarnings({ "unchecked", "rawtypes" })
	@Override
	void serve(StateRequestNode request) {
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

	/** See {@link io.libactors.Context#watch(ActorProxy)}; inside the turn. */
	public void watch(ActorProxy<?> target) {
		this.kernel.watches.watch(this, target);
	}

	/** See {@link io.libactors.Context#unwatch(ActorProxy)}; inside the turn. */
	public void unwatch(ActorProxy<?> target) {
		this.kernel.watches.unwatch(this, target);
	}

	/** See {@link io.libactors.Context#children()}; inside the turn. */
	public List<ActorProxy<?>> children() {
		Set<ActorCell> children = this.children;
		if (children == null) {
			return List.of();
		}
		List<ActorProxy<?>> alive = new ArrayList<>(children.size());
		for (ActorCell child : children) {
			if (child.isAlive()) {
				alive.add(child);
			}
		}
		alive.sort(Comparator.comparing(ActorProxy::name));
		return Collections.unmodifiableList(alive);
	}

	public <A extends Actor> ActorProxy<A> createChild(String name, A actor) {
		return this.kernel.creation.createChild(this, name, actor);
	}

	public <A extends Actor> ActorProxy<A> createChild(Class<A> type, String name) {
		return this.kernel.creation.createChild(this, type, name);
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

	/** This incarnation's number in envelope ids, drawn on first use; inside the turn. */
	long incarnation() {
		TurnState turn = turnState();
		long incarnation = turn.incarnation;
		if (incarnation == 0) {
			incarnation = this.kernel.newIncarnation();
			turn.incarnation = incarnation;
		}
		return incarnation;
	}

}
