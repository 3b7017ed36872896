package io.libactors;

/**
 * Base of every exception the actor runtime throws.
 */
public class ActorException extends RuntimeException {

	public ActorException(String message) {
		super(message);
	}

	public ActorException(String message, Throwable cause) {
		super(message, cause);
	}

}
