package io.libactors;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.libactors.internal.ActorCell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An executor that refuses a turn or an actlet: the refusal is reported, nothing queued is lost,
 * and nothing is left behind for shutdown to wait for.
 */
class DispatchRejectionTests {

	record Work() implements Message {
	}

	record Count() implements Message {
	}

	record StartActlet() implements Message {
	}

	static final class Counter implements Actor {

		private int handled;

		@MessageHandler
		void onWork(Work work) {
			this.handled++;
		}

		@MessageHandler
		int onCount(Count count) {
			return this.handled;
		}

		@MessageHandler
		String onStartActlet(Context context, StartActlet start) {
			return context.actlet(Work::new);
		}

	}

	@Test
	void aTurnTheExecutorRefusesOnceIsRetriedAndLosesNothing() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		AtomicInteger refusals = new AtomicInteger(1);
		Executor refusesOnce = (turn) -> {
			if (refusals.getAndDecrement() > 0) {
				throw new RejectedExecutionException("busy");
			}
			pool.execute(turn);
		};
		Core core = Core.builder().executor(refusesOnce).build();
		try {
			ActorProxy<Counter> counter = core.createActor("counter", new Counter());
			counter.tell(new Work());
			counter.tell(new Work());
			assertThat(counter.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(2);
			counter.tell(new Work());
			assertThat(counter.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(3);
			assertThat(core.deadLetterCount()).isZero();
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
			pool.shutdownNow();
		}
	}

	@Test
	void anActletTheExecutorRefusesFailsItsHandlerAndLeavesNothingForShutdown() throws Exception {
		Executor refusesAll = (task) -> {
			throw new RejectedExecutionException("no actlets here");
		};
		Core core = Core.builder().actletExecutor(refusesAll).build();
		ActorProxy<Counter> counter = core.createActor("counter", new Counter());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> counter.ask(new StartActlet(), String.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(ActorException.class)
			.withMessageContaining("Actlet refused");
		assertThat(((ActorCell) (ActorProxy<?>) counter).hasActlets()).as("a refused actlet is not counted as running").isFalse();
		assertThat(core.shutdown(Duration.ofSeconds(20))).isTrue();
	}

}
