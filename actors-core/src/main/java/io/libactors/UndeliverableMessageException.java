package io.libactors;

/**
 * An {@code ask} could not be delivered: no handler for its type, or the actor is gone.
 */
public class UndeliverableMessageException extends ActorException {

	private final String reason;

	public UndeliverableMessageException(String message, String reason) {
		super(message);
		this.reason = reason;
	}

	/** The {@link DeadLetter} reason. */
	public String reason() {
		return this.reason;
	}

}
