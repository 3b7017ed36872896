package io.libactors.spring;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Pool;
import io.libactors.Routing;

/**
 * The factory methods of the beans {@link ActorBeanRegistrar} adds, so that their definitions
 * carry no instance supplier and ahead-of-time processing can write them as code. Not for
 * applications.
 */
public final class ActorBeans {

	private ActorBeans() {
	}

	/** The {@code <name>.proxy} bean of a singleton actor. */
	public static ActorProxy<?> proxy(Core core, String name) {
		return core.proxy(name);
	}

	/** The {@code <name>.pool} bean of an {@link ActorPool}. */
	public static Pool<? extends Actor> pool(Core core, Class<? extends Actor> type, String name, int size,
			Routing.Kind routing) {
		return core.createPool(type, name, size, new Routing(routing, null));
	}

}
