package io.libactors.spring;

import io.libactors.HandlerRegistrationException;

/**
 * An {@link ActorComponent} bean that cannot be an actor as declared.
 */
public class InvalidActorComponentException extends HandlerRegistrationException {

	public InvalidActorComponentException(String description, String action) {
		super(description, action);
	}

}
