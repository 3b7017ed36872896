package io.libactors.internal;

import java.time.Instant;

import io.libactors.Envelope;
import io.libactors.Message;
import io.libactors.ShutdownMessage;
import io.libactors.internal.handler.Handler;
import org.jspecify.annotations.Nullable;

/**
 * One queued message with its envelope data, linked into a {@link ActorCell}'s mailbox. The
 * public {@link Envelope} is built from it only when someone asks for it, so the hot path
 * allocates one object per message.
 */
class Node extends Link {

	@Nullable Message message;

	@Nullable ActorCell sender;

	/**
	 * Position in the receiver's mailbox from 1, set when taken, unique per incarnation; with it the
	 * envelope id. 0 until taken; negative for a message outside any mailbox.
	 */
	long sequence;

	final long timestamp;

	/** Set when the node is queued. */
	@Nullable Mailbox receiver;

	@Nullable Handler handler;

	@Nullable Ask ask;

	/** What the sender's tracing context was; during the handling, its {@code Handling}. */
	@Nullable Object trace;

	Node(@Nullable Message message, @Nullable ActorCell sender, @Nullable Handler handler, @Nullable Ask ask) {
		this.message = message;
		this.sender = sender;
		this.handler = handler;
		this.ask = ask;
		this.timestamp = (message != null) ? System.currentTimeMillis() : 0L;
	}

	/**
	 * Lets go of everything but the link once handled: the node stays in the mailbox as its
	 * stub until the turn ends (or longer, if a sender came as it ended), and must not keep a
	 * message, a sender or a reply alive.
	 */
	void release() {
		this.message = null;
		this.handler = null;
		this.sender = null;
		this.ask = null;
		this.trace = null;
	}

	Envelope envelope(String id, String receiver) {
		return new Envelope(id, (this.sender != null) ? this.sender.name() : null, receiver,
				(this.message != null) ? this.message : new ShutdownMessage(), Instant.ofEpochMilli(this.timestamp));
	}

}
