package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class SupervisionTests {

	private final Core core = Core.builder().maxRestarts(3).restartWindow(Duration.ofMinutes(1)).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Job(int n) implements Message {
	}

	record Count() implements Message {
	}

	static class FailsEveryTenth implements Actor {

		int handled;

		@MessageHandler
		void onJob(Job job) {
			if (job.n() % 10 == 0) {
				throw new IllegalStateException("secret-" + job.n());
			}
			this.handled++;
		}

		@MessageHandler
		int onCount(Count count) {
			return this.handled;
		}

	}

	@Test
	void resumeKeepsStateAndCountsFailuresExactlyUnderLoad() throws Exception {
		List<String> errors;
		try (LogCapture log = new LogCapture()) {
			ActorProxy<FailsEveryTenth> actor = this.core.createActor("resumer", new FailsEveryTenth());
			DeliveryStressTests.runSenders(4, (sender) -> {
				for (int i = 0; i < 25_000; i++) {
					actor.tell(new Job(i));
				}
			});
			assertThat(actor.ask(new Count(), Integer.class, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS))
				.isEqualTo(90_000);
			errors = log.lines(Level.INFO);
		}
		ActorInfo info = this.core.actor("resumer").orElseThrow();
		assertThat(info.failed()).isEqualTo(10_000);
		assertThat(info.processed()).isEqualTo(90_001);
		assertThat(info.state()).isEqualTo("RUNNING");
		// ten lines per ten-second window, each naming actor, message type and exception class only
		assertThat(errors).hasSizeBetween(1, 20)
			.allSatisfy((line) -> assertThat(line).startsWith("Actor 'resumer' failed handling Job: "
					+ "java.lang.IllegalStateException").doesNotContain("secret"));
	}

	static class RunsOutOfMemory implements Actor {

		@MessageHandler
		void onJob(Job job) {
			throw new OutOfMemoryError("simulated");
		}

	}

	@Test
	void aVirtualMachineErrorStopsTheActorWhateverItsSupervision() throws Exception {
		Supplier<RunsOutOfMemory> factory = RunsOutOfMemory::new;
		ActorProxy<RunsOutOfMemory> actor = this.core.createActor("hungry", factory, Supervision.RESTART);
		CompletableFuture<Void> asked = actor.ask(new Job(1), Void.class);
		actor.tell(new Job(2));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> asked.get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(OutOfMemoryError.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> !actor.isAlive());
		assertThat(this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(1);
		assertThat(this.core.actors()).isEmpty();
	}

	@Test
	void askOfAFailingHandlerFailsWithItsException() {
		ActorProxy<FailsEveryTenth> actor = this.core.createActor("resumer", new FailsEveryTenth());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> actor.ask(new Job(10), Void.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void restartBuildsAFreshInstanceKeepsTheMailboxAndInitializesAgain() throws Exception {
		AtomicInteger instances = new AtomicInteger();
		AtomicInteger initializations = new AtomicInteger();
		Supplier<FailsEveryTenth> factory = () -> {
			instances.incrementAndGet();
			return new FailsEveryTenth() {
				@Override
				public void initialize(Context context) {
					initializations.incrementAndGet();
				}
			};
		};
		ActorProxy<FailsEveryTenth> actor = this.core.createActor("restarter", factory, Supervision.RESTART);
		for (int i = 1; i <= 15; i++) {
			actor.tell(new Job(i));
		}
		// Job 10 failed: the fresh instance counts 11..15 only, the mailbox survived.
		assertThat(actor.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(5);
		assertThat(instances).hasValue(2);
		assertThat(initializations).hasValue(2);
	}

	@Test
	void eachInstanceARestartReplacesAndTheLastAreHandedToTheDestroyerOnce() throws Exception {
		List<FailsEveryTenth> made = new CopyOnWriteArrayList<>();
		List<FailsEveryTenth> destroyed = new CopyOnWriteArrayList<>();
		Supplier<FailsEveryTenth> factory = () -> {
			FailsEveryTenth instance = new FailsEveryTenth();
			made.add(instance);
			return instance;
		};
		ActorProxy<FailsEveryTenth> actor = this.core.createActor("recycled", factory, Supervision.RESTART,
				destroyed::add);
		for (int i = 1; i <= 25; i++) {
			actor.tell(new Job(i));
		}
		// Jobs 10 and 20 failed: two restarts, and only the replaced instances are done so far.
		assertThat(actor.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(5);
		assertThat(made).hasSize(3);
		assertThat(destroyed).containsExactly(made.get(0), made.get(1));
		actor.stop().get(30, TimeUnit.SECONDS);
		assertThat(destroyed).containsExactlyElementsOf(made);
	}

	record Fail() implements Message {
	}

	@Test
	void aRestartedReducerKeepsItsFunctions() throws Exception {
		Supplier<Reducer<Integer>> factory = () -> Reducer.initial(0)
			.on(Job.class, (total, job) -> total + job.n())
			.on(Fail.class, (total, fail) -> {
				throw new IllegalStateException("fail");
			})
			.reply(Count.class, (total, count) -> total);
		ActorProxy<Reducer<Integer>> reducer = this.core.createActor("reducer", factory, Supervision.RESTART);
		reducer.tell(new Job(5));
		reducer.tell(new Fail());
		reducer.tell(new Job(3));
		assertThat(reducer.ask(new Count(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(this.core.deadLetterCount()).isZero();
	}

	@Test
	void tooManyRestartsStopTheActorAndDeadLetterItsMail() {
		Supplier<FailsEveryTenth> factory = FailsEveryTenth::new;
		ActorProxy<FailsEveryTenth> actor = this.core.createActor("flaky", factory, Supervision.RESTART);
		for (int i = 0; i < 4; i++) {
			actor.tell(new Job(0));
		}
		for (int i = 1; i <= 5; i++) {
			actor.tell(new Job(i));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !actor.isAlive());
		assertThat(this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(5);
	}

	@Test
	void stopSupervisionStopsOnFirstFailure() throws Exception {
		ActorProxy<FailsEveryTenth> actor = this.core.createActor("fragile", new FailsEveryTenth(), Supervision.STOP);
		actor.tell(new Job(10));
		actor.tell(new Job(11));
		CompletableFuture<Void> stopped = actor.stop();
		stopped.get(30, TimeUnit.SECONDS);
		assertThat(this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(1);
	}

	@Test
	void restartOfAnInstanceIsRefusedAtCreation() {
		assertThatExceptionOfType(ActorException.class)
			.isThrownBy(() -> this.core.createActor("bad", new FailsEveryTenth(), Supervision.RESTART))
			.withMessageContaining("'bad'")
			.withMessageContaining("Supplier");
	}

	record Interrupt() implements Message {
	}

	static class Interrupter implements Actor {

		boolean sawInterrupt;

		@MessageHandler
		void onInterrupt(Interrupt interrupt) {
			Thread.currentThread().interrupt();
		}

		@MessageHandler
		boolean onCount(Count count) {
			return Thread.currentThread().isInterrupted();
		}

	}

	@Test
	void aHandlerThatInterruptsItsThreadDoesNotLeakTheFlag() throws Exception {
		ActorProxy<Interrupter> actor = this.core.createActor("interrupter", new Interrupter());
		for (int i = 0; i < 1_000; i++) {
			actor.tell(new Interrupt());
			assertThat(actor.ask(new Count(), Boolean.class).get(30, TimeUnit.SECONDS)).isFalse();
		}
	}

}
