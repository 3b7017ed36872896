package io.libactors;

import org.jspecify.annotations.Nullable;

/**
 * Carries a tracing context from the sender of a message to its handling, so that a trace
 * started elsewhere (an HTTP request) flows through {@code tell} and {@code ask} from actor to
 * actor. Given to {@link Core.Builder#tracer(MessageTracer)} or attached with
 * {@link Core#attachTracer(MessageTracer)}; in Spring, the starter plugs in
 * Micrometer's {@code ObservationRegistry}.
 * <p>
 * Threading: {@link #capture()} runs on the sender's thread; {@link #start} and
 * {@link Handling#detach()} on the actor's thread, in its turn; {@link Handling#end} there too,
 * or where a {@code CompletionStage} handler's stage completes. Implementations must be
 * thread-safe and must not throw.
 */
public interface MessageTracer {

	/** What the handling should continue, taken from the sending thread; {@code null} for none. */
	@Nullable Object capture();

	/**
	 * Starts the handling of one message and makes it current on the calling thread.
	 * @param parent what {@link #capture()} returned for this message
	 * @param actor the receiving actor
	 * @param template the name of its template, or {@code null}
	 * @param messageType the handled type
	 * @return the handling, ended exactly once
	 */
	Handling start(@Nullable Object parent, ActorProxy<?> actor, @Nullable String template, Class<?> messageType);

	/** One message's handling. */
	interface Handling {

		/** The handler returned: the thread's tracing context goes back to what it was. */
		void detach();

		/**
		 * The handling is over.
		 * @param error what the handler threw (or its stage failed with), or {@code null}
		 */
		void end(@Nullable Throwable error);

	}

}
