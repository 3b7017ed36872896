package io.libactors.internal;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import io.libactors.ActletFailed;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.internal.handler.Handler;
import org.jspecify.annotations.Nullable;

/**
 * The actlets one actor started and that have not ended: each ends once, delivered or cancelled,
 * and whoever removes it from here decides which (so a late result of a cancelled actlet is
 * dropped and counted once). Made at the actor's first actlet. Thread-safe.
 */
final class Actlets {

	private final ActorCell owner;

	private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

	Actlets(ActorCell owner) {
		this.owner = owner;
	}

	/** From the owner's turn: runs {@code task} on the actlet executor. */
	String start(Callable<? extends Message> task) {
		Kernel kernel = this.owner.kernel;
		String id = this.owner.name + "#actlet-" + kernel.nextActletNumber();
		FutureTask<Void> future = new FutureTask<>(() -> {
			Message result;
			try {
				result = task.call();
			}
			catch (Throwable ex) {
				if (!Thread.currentThread().isInterrupted()) {
					deliver(id, null, ex);
				}
				return null;
			}
			deliver(id, result, null);
			return null;
		});
		this.running.put(id, future);
		try {
			kernel.runActlet(future);
		}
		catch (RuntimeException ex) {
			this.running.remove(id);
			throw ex;
		}
		return id;
	}

	/**
	 * Delivers a result (or failure) to the owner, unless it has stopped. Counted as on its way
	 * from the moment it leaves here to its queueing, so that shutdown never finds the core
	 * quiet in between.
	 */
	private void deliver(String id, @Nullable Message result, @Nullable Throwable error) {
		Kernel kernel = this.owner.kernel;
		kernel.actletDelivery(1);
		try {
			if (this.running.remove(id) != null) {
				deliver((error != null) ? failure(id, error) : result);
			}
			// else: cancelled when its owner stopped, and counted then
		}
		finally {
			kernel.actletDelivery(-1);
		}
	}

	private @Nullable Message failure(String id, Throwable error) {
		if (this.owner.table.find(ActletFailed.class) == null) {
			this.owner.kernel.log.actletFailure(this.owner, id, error);
			return null;
		}
		return new ActletFailed(id, error.getClass().getName(), error.getMessage());
	}

	private void deliver(@Nullable Message message) {
		if (message == null) {
			return;
		}
		Handler handler = this.owner.table.find(message.getClass());
		if (this.owner.state() >= ActorCell.STOPPED) {
			this.owner.kernel.countDroppedActletResult();
		}
		else if (handler == null) {
			Node node = new Node(message, null, null, null);
			node.sequence = this.owner.kernel.delivery.looseSequence();
			this.owner.kernel.deadLetters().post(node, this.owner.name, DeadLetter.NO_HANDLER);
		}
		else {
			this.owner.enqueue(new Node(message, null, handler, null), true);
		}
	}

	/** The owner stops: every actlet still running is cancelled, and counted here once. */
	void cancelAll() {
		for (Map.Entry<String, Future<?>> actlet : this.running.entrySet()) {
			if (this.running.remove(actlet.getKey(), actlet.getValue())) {
				actlet.getValue().cancel(true);
				this.owner.kernel.countDroppedActletResult();
			}
		}
	}

	boolean isEmpty() {
		return this.running.isEmpty();
	}

}
