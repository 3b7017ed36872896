package io.libactors.benchmarks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The limit of the design: a queue, a scheduled flag and a batch of 100 per turn, with
 * nothing else (no envelope data, no statistics, no routing). Not a usable actor.
 */
final class BareActor<T> implements Runnable {

	private final Queue<T> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Executor executor;

	private final Consumer<T> handler;

	BareActor(Executor executor, Consumer<T> handler) {
		this.executor = executor;
		this.handler = handler;
	}

	void tell(T message) {
		this.queue.offer(message);
		if (!this.scheduled.get() && this.scheduled.compareAndSet(false, true)) {
			this.executor.execute(this);
		}
	}

	@Override
	public void run() {
		for (int i = 0; i < 100; i++) {
			T message = this.queue.poll();
			if (message == null) {
				break;
			}
			this.handler.accept(message);
		}
		this.scheduled.set(false);
		if (!this.queue.isEmpty() && this.scheduled.compareAndSet(false, true)) {
			this.executor.execute(this);
		}
	}

}
