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
 * A proxy made before its actor exists: it buffers in the {@link PendingActor} until the actor
 * is created, then binds to that actor for good. Thread-safe.
 */
final class LazyProxy implements ActorProxy<Actor> {

	private final Kernel kernel;

	private volatile PendingActor pending;

	private volatile @Nullable ActorCell bound;

	LazyProxy(Kernel kernel, PendingActor pending) {
		this.kernel = kernel;
		this.pending = pending;
	}

	/** The actor this proxy's name was given to, once it was. */
	@Nullable ActorCell bound() {
		return target();
	}

	private @Nullable ActorCell target() {
		ActorCell cell = this.bound;
		if (cell == null) {
			PendingActor pending = this.pending;
			cell = pending.cell();
			if (cell == null && pending.isRetired()) {
				// its mail expired and its name was freed: an actor created since is the one
				cell = this.kernel.registry().find(pending.name);
			}
			this.bound = cell;
		}
		return cell;
	}

	/** Where mail to the name waits now. */
	PendingActor pending() {
		return this.pending;
	}

	/** The pending retired: the name is looked up again, and this proxy binds if its actor exists. */
	void lookUpAgain() {
		Object found = this.kernel.registry().cellOrPending(this.pending.name);
		if (found instanceof ActorCell cell) {
			this.bound = cell;
		}
		else {
			this.pending = (PendingActor) found;
		}
	}

	@Override
	public String name() {
		return this.pending.name;
	}

	@Override
	public void tell(Message message) {
		ActorCell cell = target();
		if (cell != null) {
			cell.tell(message);
		}
		else {
			this.kernel.delivery.sendPending(this, message, null);
		}
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType) {
		ActorCell cell = target();
		return ask(message, replyType, (cell != null) ? cell.origin.askTimeout() : this.kernel.askTimeout(name()));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout) {
		ActorCell cell = target();
		if (cell != null) {
			return cell.ask(message, replyType, timeout);
		}
		Ask ask = this.kernel.delivery.newAsk(name(), message, replyType, timeout);
		this.kernel.delivery.sendPending(this, message, ask);
		return (CompletableFuture<R>) (CompletableFuture<?>) ask;
	}

	@Override
	public CompletableFuture<Void> stop() {
		ActorCell cell = target();
		return (cell != null) ? cell.stop() : CompletableFuture.completedFuture(null);
	}

	@Override
	public boolean isAlive() {
		ActorCell cell = target();
		return cell != null && cell.isAlive();
	}

	@Override
	public int mailboxSize() {
		ActorCell cell = target();
		return (cell != null) ? cell.mailboxSize() : this.pending.size();
	}

	@Override
	public String toString() {
		return "ActorProxy[" + name() + ", lazy]";
	}

	@Override
	public <S> Flow.Publisher<S> states(Class<S> type) {
		return (subscriber) -> {
			ActorCell cell = target();
			if (cell != null) {
				cell.states(type).subscribe(subscriber);
			}
			else {
				StateRequestNode.refuse(subscriber,
						new ActorException("No actor named '" + name() + "' exists yet: subscribe once it does."));
			}
		};
	}

}
