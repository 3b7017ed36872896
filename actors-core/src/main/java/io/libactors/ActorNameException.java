package io.libactors;

/**
 * An actor name is invalid or already taken.
 */
public class ActorNameException extends ActorException {

	public ActorNameException(String message) {
		super(message);
	}

}
