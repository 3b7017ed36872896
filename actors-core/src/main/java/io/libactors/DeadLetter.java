package io.libactors;

/**
 * A message that could not be handled, published to actors that handle {@code DeadLetter}.
 *
 * @param envelope the undelivered envelope, contents included
 * @param reason one of the {@code *} constants of this type
 */
public record DeadLetter(Envelope envelope, String reason) implements Message {

	/** The receiver has no handler for the message type. */
	public static final String NO_HANDLER = "NO_HANDLER";

	/** No actor has the name, and none was created in time. */
	public static final String NO_SUCH_ACTOR = "NO_SUCH_ACTOR";

	/** The receiver has stopped or is stopping. */
	public static final String STOPPED = "STOPPED";

	/** The core is shutting down and takes no new mail from outside its actors. */
	public static final String SHUTTING_DOWN = "SHUTTING_DOWN";

	/** The receiver's bounded mailbox was full. */
	public static final String MAILBOX_FULL = "MAILBOX_FULL";

	/** Still queued when the shutdown timeout ran out. */
	public static final String SHUTDOWN_TIMEOUT = "SHUTDOWN_TIMEOUT";

}
