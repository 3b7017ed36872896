package io.libactors.internal;

import io.libactors.Message;
import io.libactors.internal.handler.Handler;

/**
 * The end of a quiet period in a mailbox: handled as its actor's idle message if the actor has
 * taken no mail since the period began and the idle timeout is still the one that sent it.
 */
final class IdleTick extends TickNode {

	final ActorTimers.Idle idle;

	IdleTick(Message message, Handler handler, ActorTimers.Idle idle) {
		super(message, handler, "", 0L);
		this.idle = idle;
	}

}
