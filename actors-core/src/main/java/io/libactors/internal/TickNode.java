package io.libactors.internal;

import io.libactors.Message;
import io.libactors.internal.handler.Handler;

/**
 * A timer tick in a mailbox, stamped with its timer's generation so that a tick of a timer
 * cancelled or replaced after it was queued is dropped instead of handled.
 */
sealed class TickNode extends Node permits IdleTick {

	final String key;

	final long generation;

	TickNode(Message message, Handler handler, String key, long generation) {
		super(message, null, handler, null);
		this.key = key;
		this.generation = generation;
	}

}
