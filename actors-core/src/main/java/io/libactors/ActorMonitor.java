package io.libactors;

import org.jspecify.annotations.Nullable;

/**
 * Watches a {@link Core}'s actors for monitoring: metrics, health checks. Given to
 * {@link Core.Builder#monitor(ActorMonitor)}, or attached to a running core with
 * {@link Core#attachMonitor(ActorMonitor)}; every method has a default that does nothing. A
 * monitor hears of each actor once: its start first, its stop last.
 * <p>
 * Threading: methods are called on the thread where the event happens, often inside an actor's
 * turn, concurrently for different actors. Implementations must be thread-safe, quick, and must
 * neither block nor throw (what they throw is logged and ignored).
 */
public interface ActorMonitor {

	/**
	 * An actor is being created: called before anyone can reach it, so before its
	 * {@link #stopped}. If the creation then fails (its name is taken), {@code stopped} follows at
	 * once.
	 * @param actor the new actor
	 * @param template the name of the template it was made from, or {@code null}
	 */
	default void started(ActorProxy<?> actor, @Nullable String template) {
	}

	/**
	 * An actor has stopped and handed back its name.
	 * @param actor the stopped actor
	 * @param template the name of the template it was made from, or {@code null}
	 * @param failed whether a failure stopped it (its supervision, a restart limit, a throwing
	 * {@code initialize})
	 */
	default void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
	}

	/**
	 * An actor handled a message type for the first time: from now on {@code counts} tells how
	 * many messages of that type it handled and how long they took. Reading it costs the actor
	 * nothing, so metrics read it when they are scraped, never per message.
	 * @param actor the actor
	 * @param template the name of the template it was made from, or {@code null}
	 * @param messageType the handled type, as routed (the handler's parameter type)
	 * @param counts live counts, readable from any thread
	 */
	default void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			HandlerCounts counts) {
	}

	/**
	 * A handler threw, or its {@code CompletionStage} failed.
	 * @param actor the actor
	 * @param template the name of the template it was made from, or {@code null}
	 * @param messageType the handled type
	 * @param error the failure
	 */
	default void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
			Throwable error) {
	}

	/**
	 * A message became a dead letter.
	 * @param reason one of the {@link DeadLetter} constants
	 */
	default void deadLetter(String reason) {
	}

	/** One actor's handlings of one message type so far; readable from any thread. */
	interface HandlerCounts {

		/** Messages handled, failures included. */
		long count();

		/** Time spent handling them, in nanoseconds. */
		long totalNanos();

	}

}
