package io.libactors;

/**
 * An actor whose state can be observed with {@link ActorProxy#states(Class)}, and, for an
 * entity ({@link Core#entity(Class, String)}), kept across its activations.
 *
 * @param <S> the state's type: an immutable snapshot, compared with {@code equals}
 */
public interface StatefulActor<S> extends Actor {

	/** The current state, as an immutable snapshot; called in the actor's turn after each message. */
	S state();

	/**
	 * An entity's next activation gets the state its last one ended with, in its turn, before
	 * {@code initialize}; never called when there is none, nor for an actor that is not an entity.
	 * @param state what {@link #state()} returned as the previous activation ended
	 */
	default void restore(S state) {
	}

}
