package io.libactors;

/**
 * An actor whose state can be observed with {@link ActorProxy#states(Class)}.
 *
 * @param <S> the state's type: an immutable snapshot, compared with {@code equals}
 */
public interface StatefulActor<S> extends Actor {

	/** The current state, as an immutable snapshot; called in the actor's turn after each message. */
	S state();

}
