package io.libactors.benchmarks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;

/**
 * The limit of the design: {@link BareActor}s on a ForkJoinPool sized to the CPUs. Stopping
 * one only drops it; it has no lifecycle.
 */
final class BareHarness extends Harness {

	private final ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
			ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);

	record Question(int n, CompletableFuture<Integer> answer) {
	}

	@Override
	Ref spawn(String name, IntConsumer behaviour) {
		BareActor<Integer> actor = new BareActor<>(this.pool, behaviour::accept);
		return actor::tell;
	}

	@Override
	void stop(List<Ref> actors) {
	}

	@Override
	Asker asker(String name) {
		BareActor<Question> actor = new BareActor<>(this.pool, (question) -> question.answer().complete(question.n() + 1));
		return (n) -> {
			CompletableFuture<Integer> answer = new CompletableFuture<>();
			actor.tell(new Question(n, answer));
			return answer.get();
		};
	}

	@Override
	public void close() {
		this.pool.shutdown();
	}

}
