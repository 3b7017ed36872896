package io.libactors;

/**
 * An actor has two {@link MessageHandler} methods for one message type.
 */
public class DuplicateHandlerException extends HandlerRegistrationException {

	public DuplicateHandlerException(String actorClass, String messageType, String first, String second) {
		super(actorClass + " has two @MessageHandler methods for " + messageType + ": " + first + " and " + second
				+ ".", "Keep one handler per message type in " + actorClass + ".");
	}

}
