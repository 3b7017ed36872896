package io.libactors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** An actor decides per exception what a failure does to it; a back-off's waits grow, then stop growing. */
class SupervisionDecisionTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Fail(String kind) implements Message {
	}

	record Count() implements Message {
	}

	static final AtomicInteger instances = new AtomicInteger();

	/** Resumes on a bad argument, stops on a bad state, restarts when unsupported; else as declared. */
	static class Picky implements Actor {

		int handled;

		Picky() {
			instances.incrementAndGet();
		}

		@MessageHandler
		void on(Fail fail) {
			this.handled++;
			switch (fail.kind()) {
				case "argument" -> throw new IllegalArgumentException("bad argument");
				case "state" -> throw new IllegalStateException("bad state");
				case "restart" -> throw new UnsupportedOperationException("restart me");
				default -> throw new RuntimeException("anything else");
			}
		}

		@MessageHandler
		int on(Count count) {
			return this.handled;
		}

		@Override
		public Supervision supervise(Throwable failure) {
			if (failure instanceof IllegalArgumentException) {
				return Supervision.RESUME;
			}
			if (failure instanceof UnsupportedOperationException) {
				return Supervision.RESTART;
			}
			return (failure instanceof IllegalStateException) ? Supervision.STOP : null;
		}

	}

	private int count(ActorProxy<?> actor) throws Exception {
		return actor.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS);
	}

	@Test
	void eachExceptionGetsTheActorsOwnDecision() throws Exception {
		instances.set(0);
		Supplier<Picky> factory = Picky::new;
		ActorProxy<Picky> picky = this.core.createActor("picky", factory, Supervision.RESTART);
		picky.tell(new Fail("argument"));
		picky.tell(new Fail("argument"));
		assertThat(count(picky)).isEqualTo(2); // resumed: the same instance, its state kept
		assertThat(instances).hasValue(1);
		picky.tell(new Fail("other"));
		assertThat(count(picky)).isZero(); // restarted, as declared: a new instance
		assertThat(instances).hasValue(2);
		picky.tell(new Fail("state"));
		await().atMost(Duration.ofSeconds(30)).until(() -> !picky.isAlive());
		assertThat(this.core.actor("picky")).isEmpty();
		assertThat(instances).hasValue(2);
	}

	@Test
	void aRestartDecidedForAnActorMadeFromAnInstanceStopsIt() throws Exception {
		ActorProxy<Picky> picky = this.core.createActor("picky", new Picky());
		picky.tell(new Fail("other"));
		assertThat(count(picky)).isEqualTo(1); // as declared: resumed
		picky.tell(new Fail("restart"));
		assertThat(this.core.whenStopped(picky)).succeedsWithin(Duration.ofSeconds(30));
	}

	@Test
	void backoffWaitsDoubleUpToTheMostThenStretchByTheRandomFactor() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), 0.5, Duration.ofMinutes(1));
		assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofMillis(100));
		assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofMillis(200));
		assertThat(backoff.delay(4, 0)).isEqualTo(Duration.ofMillis(800));
		assertThat(backoff.delay(5, 0)).isEqualTo(Duration.ofMillis(1_000));
		assertThat(backoff.delay(500, 0)).isEqualTo(Duration.ofMillis(1_000));
		assertThat(backoff.delay(1, 1)).isEqualTo(Duration.ofMillis(150));
		assertThat(backoff.delay(500, 1)).isEqualTo(Duration.ofMillis(1_500));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("min was PT2S and max PT1S");
		assertThatIllegalArgumentException().isThrownBy(() -> backoff.withRandomFactor(1.5))
			.withMessageContaining("1.5");
	}

}
