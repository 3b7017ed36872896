package io.libactors;

/**
 * What a handler's exception does to its actor.
 */
public enum Supervision {

	/** Keep the actor, its state and its mailbox; go on with the next message. */
	RESUME,

	/**
	 * Drop the failing message, keep the mailbox, build a fresh instance and initialize it. Too
	 * many restarts within the window become {@link #STOP}.
	 */
	RESTART,

	/** Stop the actor; its queued mail becomes dead letters. */
	STOP

}
