package io.libactors;

/**
 * An actor class cannot be registered as it is. The message names the class, the method and
 * what to change; {@link #action()} repeats what to change.
 */
public class HandlerRegistrationException extends ActorException {

	private final String action;

	public HandlerRegistrationException(String description, String action) {
		super(description + " " + action);
		this.action = action;
	}

	public HandlerRegistrationException(String description, String action, Throwable cause) {
		super(description + " " + action, cause);
		this.action = action;
	}

	/** What to change to fix it. */
	public String action() {
		return this.action;
	}

	/** What is wrong, without the action. */
	public String description() {
		String message = getMessage();
		return message.substring(0, message.length() - this.action.length() - 1);
	}

}
