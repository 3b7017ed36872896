package io.libactors.spring.boot.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ActorMetersTests {

	record Work(int n) implements Message {
	}

	record Unhandled() implements Message {
	}

	public static class Worker implements Actor {

		public Worker() {
		}

		@MessageHandler
		void onWork(Work work) {
			if (work.n() < 0) {
				throw new IllegalArgumentException("negative");
			}
		}

	}

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Core core = Core.builder().monitor(new ActorMeters(this.registry)).build();

	@Test
	void handlerTimerCountsEveryMessageAndFailuresAreTaggedByException() throws Exception {
		ActorProxy<Worker> worker = this.core.createActor("worker", new Worker());
		for (int n = -3; n < 97; n++) {
			worker.tell(new Work(n));
		}
		worker.ask(new Work(1), Void.class).get(30, TimeUnit.SECONDS);
		assertThat(this.registry.get(ActorMeters.HANDLER_DURATION).tags("actor", "worker", "message", "Work").functionTimer()
			.count()).isEqualTo(101);
		assertThat(this.registry.get(ActorMeters.HANDLER_FAILURES)
			.tags("actor", "worker", "message", "Work", "exception", "IllegalArgumentException")
			.counter()
			.count()).isEqualTo(3);
		this.core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void actorsFromOneTemplateShareOneSetOfMetersTaggedByTheTemplate() throws Exception {
		for (int i = 0; i < 1_000; i++) {
			this.core.createActor(Worker.class, "worker-" + i).tell(new Work(i));
		}
		await().until(() -> this.registry.find(ActorMeters.HANDLER_DURATION).functionTimers().stream()
			.mapToDouble((timer) -> timer.count()).sum() == 1_000);
		assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getTag("actor"))
			.containsOnly("Worker");
		assertThat(this.registry.get(ActorMeters.MAILBOX_DEPTH).gauges()).hasSize(1);
		this.core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void handledCountsOutliveTheActorsThatStopped() throws Exception {
		List<ActorProxy<Worker>> workers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ActorProxy<Worker> worker = this.core.createActor(Worker.class, "short-lived-" + i);
			worker.ask(new Work(i), Void.class).get(30, TimeUnit.SECONDS);
			workers.add(worker);
		}
		for (ActorProxy<Worker> worker : workers) {
			worker.stop().get(30, TimeUnit.SECONDS);
		}
		this.core.createActor(Worker.class, "survivor").ask(new Work(1), Void.class).get(30, TimeUnit.SECONDS);
		FunctionTimer timer = this.registry.get(ActorMeters.HANDLER_DURATION).tags("actor", "Worker").functionTimer();
		assertThat(timer.count()).isEqualTo(101);
		assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		this.core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void mailboxGaugeOfATemplateSumsItsLiveActors() {
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Blocker.release = release;
		for (int i = 0; i < 3; i++) {
			ActorProxy<Blocker> blocker = this.core.createActor(Blocker.class, "blocker-" + i);
			for (int n = 0; n < 5; n++) {
				blocker.tell(new Work(n));
			}
		}
		// Each blocker holds one message in its handler (at most two run: 2 CPUs); the rest wait.
		await().until(() -> this.registry.get(ActorMeters.MAILBOX_DEPTH).tag("actor", "Blocker").gauge()
			.value() >= 12);
		release.countDown();
		await().until(() -> this.registry.get(ActorMeters.MAILBOX_DEPTH).tag("actor", "Blocker").gauge()
			.value() == 0);
		this.core.shutdown(Duration.ofSeconds(10));
	}

	public static class Blocker implements Actor {

		static volatile java.util.concurrent.CountDownLatch release;

		public Blocker() {
		}

		@MessageHandler
		void onWork(Work work) throws InterruptedException {
			release.await(10, TimeUnit.SECONDS);
		}

	}

	@Test
	void mailboxGaugeOfAStoppedActorIsRemoved() throws Exception {
		ActorProxy<Worker> worker = this.core.createActor("worker", new Worker());
		await().until(() -> this.registry.find(ActorMeters.MAILBOX_DEPTH).tag("actor", "worker").gauge() != null);
		worker.stop().get(30, TimeUnit.SECONDS);
		assertThat(this.registry.find(ActorMeters.MAILBOX_DEPTH).tag("actor", "worker").gauge()).isNull();
		ActorProxy<Worker> again = this.core.createActor("worker", new Worker());
		await().until(() -> this.registry.find(ActorMeters.MAILBOX_DEPTH).tag("actor", "worker").gauge() != null);
		assertThat(again.isAlive()).isTrue();
		this.core.shutdown(Duration.ofSeconds(10));
		assertThat(this.registry.find(ActorMeters.MAILBOX_DEPTH).gauges()).isEmpty();
	}

	@Test
	void deadLettersAreCountedByReason() {
		ActorProxy<Worker> worker = this.core.createActor("worker", new Worker());
		for (int i = 0; i < 7; i++) {
			worker.tell(new Unhandled());
		}
		await().until(() -> this.registry.find(ActorMeters.DEAD_LETTERS).tag("reason", DeadLetter.NO_HANDLER)
			.counter() != null
				&& this.registry.get(ActorMeters.DEAD_LETTERS).tag("reason", DeadLetter.NO_HANDLER).counter()
					.count() == 7);
		assertThat(this.registry.getMeters()).extracting(Meter::getId)
			.noneMatch((id) -> id.getName().equals(ActorMeters.DEAD_LETTERS)
					&& !DeadLetter.NO_HANDLER.equals(id.getTag("reason")));
		this.core.shutdown(Duration.ofSeconds(10));
	}

}
