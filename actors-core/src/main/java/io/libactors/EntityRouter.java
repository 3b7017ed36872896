package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Where entities live when the core is one of several instances (the cluster module's SPI): each
 * message to an {@link Core#entity entity} is offered to the router, which takes it to the
 * instance that hosts the entity now; there it comes in through the {@link Inbox}.
 * <p>
 * Threading: {@link #route} is called on the sending thread, inside an actor's handler or
 * outside any; it must not block.
 */
public interface EntityRouter {

	/** Called once, as the core is built: where mail routed to this instance is delivered. */
	void attach(Inbox inbox);

	/**
	 * Takes a message to its entity.
	 * @return {@code false} to have the core deliver it here, as without a router
	 */
	boolean route(Mail mail);

	/**
	 * Called at the first {@link Core#entity} for a type, before any of its entities is reached:
	 * refuses a template that the other instances could not make.
	 * @throws ActorException naming the type and how to make it placeable
	 */
	default void checkTemplate(String template, Class<? extends Actor> type) {
	}

	/**
	 * A message on its way to an entity.
	 *
	 * @param template the entity's template name
	 * @param id the entity's id
	 * @param message the message (already checked, as the core checks every message)
	 * @param sender the sending actor's name, {@code null} from outside any actor
	 * @param replyType for an {@code ask}, the class of the reply asked for; else {@code null}
	 * @param reply for an {@code ask}, the future to complete with the reply (the core converts
	 * it and fails it on its timeout); else {@code null}
	 * @param timeout for an {@code ask}, how long the asker waits
	 */
	record Mail(String template, String id, Message message, @Nullable String sender, @Nullable Class<?> replyType,
			@Nullable CompletableFuture<Object> reply, @Nullable Duration timeout) {
	}

	/** Delivery on this instance, whatever the router would say. Thread-safe; never blocks. */
	interface Inbox {

		/**
		 * Delivers to the entity here, activating it if it is not active.
		 * @param type the entity's template type
		 * @throws MailboxFullException when its mailbox is bounded and full
		 */
		void tell(Class<? extends Actor> type, String id, Message message);

		/** Asks the entity here; the future fails as a local ask's does. */
		<R> CompletableFuture<R> ask(Class<? extends Actor> type, String id, Message message, Class<R> replyType,
				Duration timeout);

		/**
		 * Passivates the entity here if it is active: it ends as by {@code stop()}, its state saved.
		 * @return completes once it has ended (at once if it was not active)
		 */
		CompletableFuture<Void> passivate(Class<? extends Actor> type, String id);

		/** The live activations here, as names ({@code template/id}). */
		List<String> activeEntities();

	}

}
