package io.libactors;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

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

	/**
	 * For an actor whose start waits on something (a connection, a first load): runs inside the
	 * actor right after {@link #initialize}, and the actor takes no message until the returned
	 * stage completes; a stage that fails stops the actor as a throwing {@code initialize} does.
	 * The stage's callbacks run outside the actor: keep what it brings in a message or a field
	 * the next turn reads, not from the callbacks.
	 * @param context the context of this actor's turn
	 * @return what the start waits for, or {@code null} to start at once
	 * @throws Exception to refuse to start
	 */
	default @Nullable CompletionStage<?> initializeAsync(Context context) throws Exception {
		return null;
	}

	/**
	 * What a handler's exception does to this actor, decided per exception: {@code null} (the
	 * default) keeps the {@link Supervision} the actor was created with. Runs inside the actor,
	 * on the instance that failed, after the failure was logged and counted.
	 * @param failure what the handler threw, or the failure its stage completed with
	 */
	default @Nullable Supervision supervise(Throwable failure) {
		return null;
	}

	/**
	 * How long a {@link Supervision#RESTART RESTART} of this actor waits: {@code null} (the
	 * default) takes the core's ({@code Core.builder().restartBackoff}), which restarts at once
	 * unless set.
	 */
	default @Nullable Backoff restartBackoff() {
		return null;
	}

}
