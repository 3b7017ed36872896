package io.libactors;

import java.util.ArrayDeque;

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

	/** Moves the buffered messages, in order, into the new actor's mailbox. */
	synchronized void handOver(ActorCell cell) {
		for (Node node = this.buffer.poll(); node != null; node = this.buffer.poll()) {
			node.handler = cell.router.find(node.message.getClass());
			cell.enqueue(node, true);
		}
		this.cell = cell;
	}

	/** Turns what is still buffered into dead letters; later messages too. */
	void close(DeadLetterOffice deadLetters) {
		ArrayDeque<Node> left;
		synchronized (this) {
			this.closed = true;
			left = new ArrayDeque<>(this.buffer);
			this.buffer.clear();
		}
		left.forEach((node) -> deadLetters.post(node, this.name, DeadLetter.NO_SUCH_ACTOR));
	}

	synchronized int size() {
		return this.buffer.size();
	}

}
