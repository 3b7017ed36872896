package io.libactors;

import java.util.List;

/**
 * A pool of actors made from one template behind one proxy: each {@code tell} and {@code ask}
 * goes to the member its {@link Routing} picks, from the sender's thread (no hop in between). A
 * member that stops is replaced by a new one at the next message; {@code stop()} stops them all.
 * Members are named {@code <pool>-1}, {@code <pool>-2}, ... (new numbers for new members); the
 * pool itself has no mailbox and no state ({@code states} signals an error). Thread-safe.
 *
 * @param <A> the members' type
 */
public interface Pool<A extends Actor> extends ActorProxy<A> {

	/** The members now. */
	List<ActorProxy<A>> members();

	/**
	 * Grows the pool with new members, or shrinks it: the members taken out stop after the mail
	 * already queued to them.
	 * @throws IllegalArgumentException for a size below 1
	 */
	void resize(int size);

}
