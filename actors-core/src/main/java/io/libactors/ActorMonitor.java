package io.libactors;

import org.jspecify.annotations.Nullable;

/**
 * Watches a {@link Core}'s actors for monitoring: metrics, health checks. Given to
 * {@link Core.Builder#monitor(ActorMonitor)}; every method has a default that does nothing.
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
	 * Asked once per actor and message type, when the actor first handles that type: the probe
	 * that sees every later handling of it.
	 * @param actor the actor
	 * @param template the name of the template it was made from, or {@code null}
	 * @param messageType the handled type, as routed (the handler's parameter type)
	 * @return the probe, or {@code null} to watch nothing
	 */
	default @Nullable HandlerProbe probe(ActorProxy<?> actor, @Nullable String template, Class<?> messageType) {
		return null;
	}

	/**
	 * A message became a dead letter.
	 * @param reason one of the {@link DeadLetter} constants
	 */
	default void deadLetter(String reason) {
	}

	/**
	 * Sees one actor's handlings of one message type. Called inside that actor's turn, one call
	 * at a time per probe.
	 */
	interface HandlerProbe {

		/**
		 * A handler returned, or its {@code CompletionStage} completed.
		 * @param nanos how long it took
		 * @param error what it threw, or {@code null}
		 */
		void handled(long nanos, @Nullable Throwable error);

	}

}
