package io.libactors;

/**
 * How much JSON checking messages get.
 */
public enum SerializationCheck {

	/** Check each handler's message type when the actor is created (the default). */
	REGISTRATION,

	/**
	 * Also round-trip every message through JSON at {@code tell}/{@code ask}; the receiver gets
	 * the copy. For tests: it finds messages that would not survive a wire.
	 */
	EVERY_MESSAGE,

	/** No checks. */
	NONE

}
