package io.libactors.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Message;
import org.jspecify.annotations.Nullable;

/**
 * The proxy of an entity: each message goes to its live activation, activating it if there is
 * none. Equal to every proxy of the same entity. Thread-safe.
 */
final class EntityProxy implements ActorProxy<Actor> {

	private final Kernel kernel;

	private final Entities.Kind kind;

	private final String id;

	private final String name;

	/** Whether this proxy delivers here, whatever the core's router would say (mail the router brought). */
	private final boolean here;

	/** The activation this proxy last reached: most mail skips the registry. */
	private volatile @Nullable ActorCell last;

	EntityProxy(Kernel kernel, Entities.Kind kind, String id, boolean here) {
		this.kernel = kernel;
		this.kind = kind;
		this.id = id;
		this.here = here;
		this.name = kind.template() + '/' + id;
	}

	String template() {
		return this.kind.template();
	}

	String id() {
		return this.id;
	}

	/** Whether mail through this proxy is offered to the core's router. */
	boolean routed() {
		return !this.here && this.kernel.entityRouter != null;
	}

	/**
	 * The activation that takes mail now, made if there is none.
	 * @return it, or {@code null} when the core is shutting down
	 */
	@Nullable ActorCell activation() {
		ActorCell cell = this.last;
		if (cell == null || !cell.takesMail()) {
			cell = this.kernel.entities.activation(this.kind, this.id);
			this.last = cell;
		}
		return cell;
	}

	/** The live activation, if there is one; activates nothing. */
	private @Nullable ActorCell live() {
		ActorCell cell = this.kernel.registry().find(this.name);
		return (cell != null && cell.takesMail()) ? cell : null;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void tell(Message message) {
		this.kernel.delivery.sendToEntity(this, message, null);
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType) {
		return ask(message, replyType, this.kind.origin().askTimeout());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout) {
		Ask ask = this.kernel.delivery.newAsk(this.name, message, replyType, timeout);
		ActorCell current = CurrentActor.get();
		if (current != null && current.name.equals(this.name) && current.kernel == this.kernel) {
			ask.completeExceptionally(Delivery.askedItself(this.name, message));
		}
		else {
			this.kernel.delivery.sendToEntity(this, message, ask);
		}
		return (CompletableFuture<R>) (CompletableFuture<?>) ask;
	}

	/** Passivates the live activation now, if there is one; the next message activates the entity again. */
	@Override
	public CompletableFuture<Void> stop() {
		ActorCell cell = live();
		return (cell != null) ? cell.stop() : CompletableFuture.completedFuture(null);
	}

	/** Whether the entity has a live activation now. */
	@Override
	public boolean isAlive() {
		return live() != null;
	}

	@Override
	public int mailboxSize() {
		ActorCell cell = live();
		return (cell != null) ? cell.mailboxSize() : 0;
	}

	/** The states of the live activation, activating the entity if it has none; completes when it passivates. */
	@Override
	public <S> Flow.Publisher<S> states(Class<S> type) {
		return (subscriber) -> {
			ActorCell cell = activation();
			if (cell != null) {
				cell.states(type).subscribe(subscriber);
			}
			else {
				StateRequestNode.refuse(subscriber, new ActorException("Entity '" + this.name
						+ "' was not activated: the core is shutting down."));
			}
		};
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof EntityProxy proxy && proxy.kernel == this.kernel && proxy.name.equals(this.name);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode();
	}

	@Override
	public String toString() {
		return "ActorProxy[" + this.name + ", entity]";
	}

}
