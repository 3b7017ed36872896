package io.libactors.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.ActorException;
import io.libactors.DeadLetter;
import io.libactors.EntityRouter;
import io.libactors.MailboxFullException;
import io.libactors.Message;
import io.libactors.MessageTracer;
import io.libactors.SerializationCheck;
import io.libactors.ShutdownMessage;
import io.libactors.TimerScheduler;
import io.libactors.UndeliverableMessageException;
import io.libactors.internal.handler.Handler;
import io.libactors.internal.handler.MessageTypeCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way of a message from a proxy to a mailbox: the sender taken from the running actor, the
 * message checked, refused once the core is shutting down, its handler found, its node queued;
 * or, whatever went wrong, accounted for as a dead letter. Publication to every subscriber of a
 * type, and the asks' futures with their deadlines.
 * <p>
 * Threading: any thread; never blocks.
 */
public final class Delivery {

	private final Kernel kernel;

	private final Topics topics;

	private final DeadLetterOffice deadLetters;

	private final AskTimeouts askTimeouts;

	private final SerializationCheck serializationCheck;

	private final JsonMapper jsonMapper;

	private final AtomicLong looseIds = new AtomicLong();

	Delivery(Kernel kernel, Topics topics, DeadLetterOffice deadLetters, AskTimeouts askTimeouts,
			SerializationCheck serializationCheck, JsonMapper jsonMapper) {
		this.kernel = kernel;
		this.topics = topics;
		this.deadLetters = deadLetters;
		this.askTimeouts = askTimeouts;
		this.serializationCheck = serializationCheck;
		this.jsonMapper = jsonMapper;
	}

	/** Sends {@code message} to every actor that handles its type (or a supertype of it). */
	public void publish(Message message) {
		Objects.requireNonNull(message, "message must not be null");
		refuseReserved(message);
		if (!publishInternal(message, CurrentActor.get())) {
			this.deadLetters.unhandledPublication(message);
		}
	}

	/** The delivery path of {@code tell} and {@code ask}. */
	void send(ActorCell target, Message message, @Nullable Ask ask) {
		Objects.requireNonNull(message, "message must not be null");
		ActorCell sender = sender(message);
		Message delivered = checked(message);
		if (!refusedWhileShuttingDown(delivered, sender, ask, target.name())) {
			queue(target, delivered, sender, ask);
		}
	}

	/** Delivery to an entity, through its live activation or a new one. */
	void sendToEntity(EntityProxy proxy, Message message, @Nullable Ask ask) {
		Objects.requireNonNull(message, "message must not be null");
		ActorCell sender = sender(message);
		Message delivered = checked(message);
		if (refusedWhileShuttingDown(delivered, sender, ask, proxy.name())) {
			return;
		}
		if (proxy.routed() && routed(proxy, delivered, sender, ask)) {
			return;
		}
		ActorCell target;
		try {
			target = proxy.activation();
		}
		catch (ActorException ex) {
			if (ask == null) {
				throw ex;
			}
			ask.completeExceptionally(ex);
			return;
		}
		if (target == null) {
			this.deadLetters.post(looseNode(delivered, sender, ask), proxy.name(), DeadLetter.SHUTTING_DOWN);
			return;
		}
		queue(target, delivered, sender, ask);
	}

	/** Offers the message to the router: {@code true} when it took it (an ask's reply comes back through it). */
	private boolean routed(EntityProxy proxy, Message message, @Nullable ActorCell sender, @Nullable Ask ask) {
		CompletableFuture<Object> reply = null;
		if (ask != null) {
			reply = new CompletableFuture<>();
			CompletableFuture<Object> replied = reply;
			replied.whenComplete((value, failure) -> {
				if (failure == null) {
					ask.reply(value);
				}
				else {
					ask.completeExceptionally(failure);
				}
			});
			// an ask that timed out lets the router forget it
			ask.whenComplete((value, failure) -> replied.cancel(false));
		}
		EntityRouter router = Objects.requireNonNull(this.kernel.entityRouter);
		return router.route(new EntityRouter.Mail(proxy.template(), proxy.id(), message,
				(sender != null) ? sender.name() : null, (ask != null) ? ask.replyType() : null, reply,
				(ask != null) ? Duration.ofMillis(ask.timeoutMillis()) : null));
	}

	/**
	 * Queues a checked message.
	 * @throws MailboxFullException from {@code tell} when the mailbox is full
	 * @throws ActorException from {@code tell} when an entity cannot be activated
	 */
	private void queue(ActorCell target, Message message, @Nullable ActorCell sender, @Nullable Ask ask) {
		boolean queued;
		try {
			queued = deliver(target, message, sender, ask);
		}
		catch (ActorException ex) {
			if (ask == null) {
				throw ex;
			}
			ask.completeExceptionally(ex);
			return;
		}
		if (!queued && ask == null) {
			throw new MailboxFullException("Mailbox of actor '" + target.name() + "' is full (" + target.capacity()
					+ " messages); " + message.getClass().getSimpleName() + " was not queued.");
		}
	}

	/**
	 * Queues a message, or accounts for it as a dead letter. Mail for an entity's activation that
	 * has stopped taking mail goes to the entity's next activation.
	 * @return {@code false} when a bounded mailbox was full (the message is a dead letter)
	 * @throws ActorException only when an entity's next activation cannot be made
	 */
	private boolean deliver(ActorCell target, Message message, @Nullable ActorCell sender, @Nullable Ask ask) {
		for (;;) {
			if (target.state() < ActorCell.STOPPING) {
				Handler handler = target.table.find(message.getClass());
				if (handler == null) {
					this.deadLetters.post(looseNode(message, sender, ask), target.name(), DeadLetter.NO_HANDLER);
					return true;
				}
				Node node = new Node(message, sender, handler, ask);
				MessageTracer tracer = this.kernel.tracer();
				if (tracer != null) {
					node.trace = tracer.capture();
				}
				if (target.enqueue(node, false)) {
					return true;
				}
				if (!target.isClosed()) {
					node.sequence = looseSequence();
					this.deadLetters.post(node, target.name(), DeadLetter.MAILBOX_FULL);
					return false;
				}
				// an entity's activation closed after this node was linked: no turn takes it
			}
			else if (!target.origin.entity()) {
				this.deadLetters.post(looseNode(message, sender, ask), target.name(), DeadLetter.STOPPED);
				return true;
			}
			ActorCell next = this.kernel.entities.successor(target);
			if (next == null) {
				this.deadLetters.post(looseNode(message, sender, ask), target.name(), DeadLetter.SHUTTING_DOWN);
				return true;
			}
			target = next;
		}
	}

	/** Delivery through a proxy whose actor does not exist yet. */
	void sendPending(LazyProxy proxy, Message message, @Nullable Ask ask) {
		Objects.requireNonNull(message, "message must not be null");
		ActorCell sender = sender(message);
		Message delivered = checked(message);
		if (refusedWhileShuttingDown(delivered, sender, ask, proxy.name())) {
			return;
		}
		Node node = looseNode(delivered, sender, ask);
		for (;;) {
			PendingActor pending = proxy.pending();
			switch (pending.offer(node, this.kernel.deadlines(), this.deadLetters)) {
				case FIRST_BUFFERED -> expireLater(pending, this.kernel.askTimeout().toNanos());
				case BOUND -> queue(Objects.requireNonNull(pending.cell()), delivered, sender, ask);
				case RETIRED -> {
					try {
						proxy.lookUpAgain();
					}
					catch (ActorException ex) {
						// the name is free, but no proxy may wait for it now (the actor limit)
						this.deadLetters.post(node, proxy.name(), DeadLetter.NO_SUCH_ACTOR);
						return;
					}
					ActorCell cell = proxy.bound();
					if (cell == null) {
						continue;
					}
					queue(cell, delivered, sender, ask);
				}
				case BUFFERED, DEAD_LETTERED -> {
				}
			}
			return;
		}
	}

	/** Mail waits for its actor as long as an ask waits for its reply: then it is a dead letter. */
	private void expireLater(PendingActor pending, long delayNanos) {
		TimerScheduler clock = this.kernel.deadlines();
		try {
			pending.expiresBy(clock.schedule(() -> {
				long wait = this.kernel.askTimeout().toNanos();
				long now = clock.nanoTime();
				long oldest = this.kernel.registry().expire(pending, now - wait, this.deadLetters);
				if (oldest != PendingActor.NONE_WAITING) {
					expireLater(pending, Math.max(1, oldest + wait - now));
				}
			}, Duration.ofNanos(delayNanos)));
		}
		catch (RejectedExecutionException ex) {
			// the core has terminated: shutdown dead-lettered what pendings held
		}
	}

	/** Once shutdown has begun, only this core's actors may still send (so the drain finishes). */
	private boolean refusedWhileShuttingDown(Message message, @Nullable ActorCell sender, @Nullable Ask ask,
			String receiver) {
		if (!this.kernel.isShuttingDown() || (sender != null && sender.kernel == this.kernel)) {
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
		MessageTracer tracer = this.kernel.tracer();
		if (tracer != null) {
			node.trace = tracer.capture();
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

	/** A message of the runtime's ({@code Terminated}): no sender, no check, never refused. */
	void deliverFromRuntime(ActorCell target, Message message) {
		try {
			deliver(target, message, null, null);
		}
		catch (ActorException ex) {
			// an entity watching has passivated and could not be activated again
			this.deadLetters.post(looseNode(message, null, null), target.name(), DeadLetter.NO_SUCH_ACTOR);
		}
	}

	/** A dead letter to every actor that handles it: from the runtime, so with no sender, never refused. */
	void publishDeadLetter(DeadLetter letter) {
		for (ActorCell cell : this.topics.subscribersOf(letter)) {
			deliver(cell, letter, null, null);
		}
	}

	/** An actor's ask of itself, from its own handler, could never be answered. */
	static ActorException askedItself(String name, Message message) {
		return new ActorException("Actor '" + name + "' asked itself with " + message.getClass().getSimpleName()
				+ " from its own handler; the reply could only come after that handler returns. Call the method "
				+ "directly, or tell yourself the message.");
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

}
