package io.libactors.spring.boot.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ActorsHealthIndicatorTests {

	record Block() implements Message {
	}

	record Fail() implements Message {
	}

	static volatile CountDownLatch release;

	public static class Worker implements Actor {

		public Worker() {
		}

		@MessageHandler
		void onBlock(Block block) throws InterruptedException {
			release.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onFail(Fail fail) {
			throw new IllegalStateException("broken");
		}

	}

	/** A clock the test moves by hand. */
	static final class ManualClock extends Clock {

		volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	private final ManualClock clock = new ManualClock();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Core core = Core.builder().executor(this.threads).build();

	private final ActorsHealthIndicator health = new ActorsHealthIndicator(this.core, Duration.ofMillis(100),
			Duration.ofMinutes(5), this.clock);

	ActorsHealthIndicatorTests() {
		release = new CountDownLatch(1);
		this.core.attachMonitor(this.health);
	}

	@AfterEach
	void stop() {
		release.countDown();
		this.core.shutdown(Duration.ofSeconds(10));
		this.threads.shutdown();
	}

	@Test
	void upWhileNoActorIsStuckOrFailed() {
		this.core.createActor("worker", new Worker());
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	@SuppressWarnings("unchecked")
	void downNamingTheActorWhoseHandlerRunsPastTheThreshold() {
		this.core.createActor("slow", new Worker()).tell(new Block());
		this.core.createActor(Worker.class, "from-template").tell(new Block());
		await().until(() -> this.health.health().getStatus().equals(Status.DOWN));
		Health down = this.health.health();
		assertThat(down.getDetails()).containsOnlyKeys("stuck");
		assertThat((Map<String, Object>) down.getDetails().get("stuck")).containsOnlyKeys("slow");
		release.countDown();
		await().until(() -> this.health.health().getStatus().equals(Status.UP));
	}

	@Test
	@SuppressWarnings("unchecked")
	void downForTheFailureWindowAfterAnActorStoppedOnAFailure() {
		this.core.createActor("fragile", new Worker(), Supervision.STOP).tell(new Fail());
		this.core.createActor(Worker.class, "template-made").tell(new Fail());
		await().until(() -> this.health.health().getStatus().equals(Status.DOWN));
		assertThat((Map<String, Object>) this.health.health().getDetails().get("failed")).containsOnlyKeys("fragile");
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

}
