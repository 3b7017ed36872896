package io.libactors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The only way to reach an actor. A proxy refers to one actor and stays dead once that actor
 * stops, even if its name is reused. Thread-safe.
 *
 * @param <A> the actor's type
 */
public interface ActorProxy<A extends Actor> {

	/** The actor's name, unique in its {@link Core} while it lives. */
	String name();

	/**
	 * Queues a message for the actor. Never blocks. A message that cannot be delivered becomes a
	 * {@link DeadLetter}.
	 * @param message the message
	 * @throws NullPointerException for a null message
	 * @throws MailboxFullException when the mailbox is bounded and full
	 */
	void tell(Message message);

	/**
	 * Sends a request and returns its reply, with the core's default ask timeout.
	 * @param message the request
	 * @param replyType the expected reply class ({@code Void.class} takes any reply as null)
	 * @param <R> the reply type
	 * @return the reply, or an exceptional completion (timeout, handler failure, undeliverable)
	 */
	<R> CompletableFuture<R> ask(Message message, Class<R> replyType);

	/**
	 * Sends a request and returns its reply within {@code timeout}.
	 * @param message the request
	 * @param replyType the expected reply class
	 * @param timeout positive time to wait, after which the future fails with
	 * {@link AskTimeoutException}
	 * @param <R> the reply type
	 * @return the reply, or an exceptional completion
	 * @throws IllegalArgumentException for a non-positive timeout
	 */
	<R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout);

	/**
	 * Queues {@link ShutdownMessage} behind the mail already queued; later mail becomes dead
	 * letters.
	 * @return completes when the actor's children, then the actor, have stopped
	 */
	CompletableFuture<Void> stop();

	/** Whether the actor exists and has not stopped. */
	boolean isAlive();

	/** Messages waiting in the actor's mailbox; counting them takes time proportional to their number. */
	int mailboxSize();

	/**
	 * The actor's states, for an actor that is a {@link StatefulActor}: the current state on
	 * subscribe, then each changed state (by {@code equals}) after a handled message; a slow
	 * subscriber gets the latest, never a queue; completes when the actor stops. An actor that
	 * is not a {@code StatefulActor}, or whose state is not a {@code type}, signals
	 * {@code onError(ActorException)} at subscribe.
	 * @param type the state's class
	 * @return a publisher; each subscription is served in the actor's turn
	 */
	<S> Flow.Publisher<S> states(Class<S> type);

}
