package io.libactors;

/**
 * {@code tell} to a bounded mailbox that is full. The message was not queued.
 */
public class MailboxFullException extends ActorException {

	public MailboxFullException(String message) {
		super(message);
	}

}
