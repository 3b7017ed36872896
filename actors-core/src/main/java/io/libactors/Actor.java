package io.libactors;

/**
 * An actor: private state plus {@link MessageHandler} methods, driven one message at a time,
 * so its fields need neither locks nor {@code volatile}. Called only from the actor's own turn.
 */
public interface Actor {

	/**
	 * Runs inside the actor before its first message (and again after a restart). An exception
	 * stops the actor; its mail becomes dead letters.
	 * @param context the context of this actor's turn
	 * @throws Exception to refuse to start
	 */
	default void initialize(Context context) throws Exception {
	}

}
