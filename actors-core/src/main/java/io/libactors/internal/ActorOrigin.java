package io.libactors.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.Supervision;
import org.jspecify.annotations.Nullable;

/**
 * Where an actor's instances come from, how it is supervised and the settings it keeps for life
 * (its own or its template's {@link io.libactors.ActorSettings}, else the core's): shared by
 * every actor made from one template, so an idle actor pays nothing for it.
 *
 * @param factory new instances for a restart, {@code null} for an actor made from an instance
 * @param supervision what a handler's exception does
 * @param destroyer called with each instance the actor is done with (a stop, a restart)
 * @param template the template's name for actors made from one, else {@code null}
 * @param entity whether its actors are the activations of entities (see {@link Entities})
 * @param mailboxCapacity the most messages a mailbox holds, 0 for unbounded
 * @param throughput the most messages a turn takes
 * @param askTimeout how long an ask waits when the asker gives no timeout
 */
public record ActorOrigin(@Nullable Supplier<? extends Actor> factory, Supervision supervision,
		@Nullable Consumer<Actor> destroyer, @Nullable String template, boolean entity, int mailboxCapacity,
		int throughput, Duration askTimeout) {

	void destroy(@Nullable Actor actor) {
		if (this.destroyer != null && actor != null) {
			this.destroyer.accept(actor);
		}
	}

}
