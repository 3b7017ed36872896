package io.libactors;

/**
 * An {@code ask} got no reply within its timeout.
 */
public class AskTimeoutException extends ActorException {

	public AskTimeoutException(String message) {
		super(message);
	}

}
