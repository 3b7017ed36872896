package io.libactors.internal;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

import io.libactors.DeadLetter;
import org.jspecify.annotations.Nullable;

/**
 * A name that proxies refer to before its actor exists: up to {@link #CAPACITY} messages wait
 * here, in order, and move into the actor's mailbox when it is created. Guarded by its
 * monitor; not the hot path.
 */
final class PendingActor {

	static final int CAPACITY = 1_000;

	final String name;

	private final ArrayDeque<Node> buffer = new ArrayDeque<>();

	private @Nullable ActorCell cell;

	private boolean closed;

	PendingActor(String name) {
		this.name = name;
	}

	synchronized @Nullable ActorCell cell() {
		return this.cell;
	}

	/**
	 * Buffers a node.
	 * @return the actor if it exists by now (the caller sends directly), else {@code null}
	 */
	@Nullable ActorCell offer(Node node, DeadLetterOffice deadLetters) {
		synchronized (this) {
			if (this.cell != null) {
				return this.cell;
			}
			if (!this.closed && this.buffer.size() < CAPACITY) {
				this.buffer.add(node);
				return null;
			}
		}
		deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR);
		return null;
	}

	/**
	 * Moves the buffered messages, in order, into the new actor's mailbox (which the caller
	 * schedules), then lets {@code claim} give the name to the actor. Senders through this
	 * pending wait meanwhile, so their later messages come after the buffered ones.
	 * @param holdsName whether the registry still maps the name to this pending (stable under
	 * its monitor: every change of a pending's entry is made under it)
	 * @param claim replaces this pending by the actor in the registry
	 * @return whether the name was claimed; if not, nothing moved
	 */
	synchronized boolean handOver(ActorCell cell, BooleanSupplier holdsName, Runnable claim) {
		if (this.closed || this.cell != null || !holdsName.getAsBoolean()) {
			return false;
		}
		for (Node node = this.buffer.poll(); node != null; node = this.buffer.poll()) {
			node.handler = cell.table.find(node.message.getClass());
			cell.link(node, true);
		}
		this.cell = cell;
		claim.run();
		return true;
	}

	/**
	 * Turns what is still buffered into dead letters; later messages too.
	 * @param release frees the name, under this pending's monitor (no actor claims it meanwhile)
	 */
	void close(DeadLetterOffice deadLetters, Runnable release) {
		ArrayDeque<Node> left;
		synchronized (this) {
			if (this.cell != null) {
				return;
			}
			this.closed = true;
			release.run();
			left = new ArrayDeque<>(this.buffer);
			this.buffer.clear();
		}
		left.forEach((node) -> deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR));
	}

	synchronized int size() {
		return this.buffer.size();
	}

}
