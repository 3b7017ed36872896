package io.libactors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@link ActorInfo#handlers()} reports: each actor's own exact count, mean and max, and a
 * p99 over every actor of its class in its core (so an idle actor holds no histogram of its own).
 */
class HandlerStatsTests {

	record Work(int millis) implements Message {
	}

	static final class Worker implements Actor {

		@MessageHandler
		void on(Work work) throws InterruptedException {
			if (work.millis() > 0) {
				Thread.sleep(work.millis());
			}
		}

	}

	private final Core one = Core.create();

	private final Core other = Core.create();

	@AfterEach
	void close() {
		this.one.shutdown(Duration.ofSeconds(10));
		this.other.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void countsAreEachActorsOwnAndThePercentileIsOverItsClassInItsCoreOnly() throws Exception {
		ActorProxy<Worker> quick = this.one.createActor("quick", new Worker());
		for (int i = 0; i < 2_000; i++) {
			quick.tell(new Work(0));
		}
		quick.ask(new Work(10), Void.class).get(30, TimeUnit.SECONDS);
		// the same class in another core: its slow handlings are not this core's
		ActorProxy<Worker> elsewhere = this.other.createActor("slow", new Worker());
		for (int i = 0; i < 40; i++) {
			elsewhere.tell(new Work(10));
		}
		elsewhere.ask(new Work(10), Void.class).get(30, TimeUnit.SECONDS);

		ActorInfo.HandlerStats alone = stats(this.one, "quick");
		assertThat(alone.count()).isEqualTo(2_001);
		assertThat(alone.max()).isGreaterThanOrEqualTo(10.0);
		assertThat(alone.p99()).as("one slow handling in 2,001 is not the 99th percentile").isLessThan(5.0);
		assertThat(stats(this.other, "slow").count()).isEqualTo(41);

		// the same class in this core: 41 slow handlings of 2,042 are past the 99th percentile
		ActorProxy<Worker> slow = this.one.createActor("slow", new Worker());
		for (int i = 0; i < 40; i++) {
			slow.tell(new Work(10));
		}
		slow.ask(new Work(10), Void.class).get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> stats(this.one, "quick").p99() >= 9.0);
		ActorInfo.HandlerStats shared = stats(this.one, "quick");
		assertThat(shared.count()).isEqualTo(2_001);
		assertThat(shared.p99()).isLessThanOrEqualTo(shared.max());
		assertThat(stats(this.one, "slow").count()).isEqualTo(41);
		assertThat(stats(this.one, "slow").mean()).isGreaterThanOrEqualTo(10.0);
	}

	private static ActorInfo.HandlerStats stats(Core core, String actor) {
		return core.actor(actor).orElseThrow().handlers().get("Work");
	}

}
