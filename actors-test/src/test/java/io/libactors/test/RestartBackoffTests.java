package io.libactors.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Backoff;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RESTART with a back-off waits before it builds the new instance, longer for each restart in
 * a row, and counts anew after a quiet time; mail that comes meanwhile waits for the new
 * instance. On the synchronous kit: what the clock's move releases has run when it returns.
 */
class RestartBackoffTests {

	private final ActorTestKit kit = ActorTestKit.synchronous();

	@AfterEach
	void close() {
		this.kit.close();
	}

	record Fail() implements Message {
	}

	record Work(int n) implements Message {
	}

	/** Fails when told; each instance notes its number on the work it does. */
	static class Gateway implements Actor {

		static final AtomicInteger instances = new AtomicInteger();

		static final List<String> done = new CopyOnWriteArrayList<>();

		private final int instance = instances.incrementAndGet();

		@MessageHandler
		void on(Fail fail) {
			throw new IllegalStateException("downstream is down");
		}

		@MessageHandler
		void on(Work work) {
			done.add(work.n() + " by " + this.instance);
		}

		@Override
		public Backoff restartBackoff() {
			return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0, Duration.ofMinutes(10));
		}

	}

	private void advance(Duration step) {
		this.kit.clock().advance(step);
	}

	@Test
	void eachRestartInARowWaitsLongerAndMailWaitsForTheNewInstance() {
		Gateway.instances.set(0);
		Gateway.done.clear();
		Supplier<Gateway> factory = Gateway::new;
		ActorProxy<Gateway> gateway = this.kit.core().createActor("gateway", factory, Supervision.RESTART);
		for (long wait : new long[] { 1, 2, 4, 4 }) {
			int before = Gateway.instances.get();
			gateway.tell(new Fail());
			gateway.tell(new Work(before));
			advance(Duration.ofSeconds(wait).minusMillis(1));
			assertThat(Gateway.instances).hasValue(before);
			assertThat(Gateway.done).doesNotContain(before + " by " + (before + 1));
			advance(Duration.ofMillis(1));
			assertThat(Gateway.instances).hasValue(before + 1);
			assertThat(Gateway.done).endsWith(before + " by " + (before + 1));
		}
		// quiet for longer than resetAfter: the next restart is the first of a new row
		advance(Duration.ofMinutes(10));
		gateway.tell(new Fail());
		advance(Duration.ofSeconds(1));
		assertThat(Gateway.instances).hasValue(6);
		assertThat(this.kit.takeFailures()).hasSize(5);
	}

	@Test
	void aStopEndsTheBackoffAndTheMailQueuedBeforeItIsHandledFirst() {
		Gateway.instances.set(0);
		Gateway.done.clear();
		Supplier<Gateway> factory = Gateway::new;
		ActorProxy<Gateway> gateway = this.kit.core().createActor("gateway", factory, Supervision.RESTART);
		gateway.tell(new Fail());
		gateway.tell(new Work(7));
		// the clock never moves: only the stop can end the wait
		assertThat(gateway.stop()).succeedsWithin(Duration.ofSeconds(30));
		assertThat(Gateway.done).containsExactly("7 by 2");
		assertThat(this.kit.takeFailures()).hasSize(1);
	}

}
