package io.libactors.test;

/**
 * A handler of an actor of an {@link ActorTestKit}'s core threw.
 *
 * @param actor the actor's name
 * @param messageType the type of the message it was handling
 * @param error what it threw
 */
public record ActorFailure(String actor, Class<?> messageType, Throwable error) {

	@Override
	public String toString() {
		return "Actor '" + this.actor + "' failed handling " + this.messageType.getSimpleName() + ": " + this.error;
	}

}
