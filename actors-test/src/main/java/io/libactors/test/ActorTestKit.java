package io.libactors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.libactors.Actor;
import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.MessageHandler;
import io.libactors.SerializationCheck;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Core} for tests: its timers, schedules and ask timeouts run on a {@link TestClock}
 * that moves only when the test says, every message makes a JSON round trip as it would between
 * instances ({@link SerializationCheck#EVERY_MESSAGE}), and {@link TestProbe}s record what
 * actors send them. The kit keeps the dead letters and the handler failures it sees; closing it
 * fails the test if a handler failed and the test never took the failures to look at them.
 * Close it after the test (try-with-resources, or {@code @AfterEach}).
 * <pre>{@code
 * try (ActorTestKit kit = ActorTestKit.create()) {
 *     TestProbe probe = kit.createProbe();
 *     ActorProxy<Reminder> reminder = kit.core().createActor("reminder", new Reminder(probe.proxy()));
 *     kit.core().whenStarted(reminder).join();   // initialize has scheduled its timers
 *     kit.clock().advance(Duration.ofHours(1));
 *     probe.expectMessage(Remind.class);
 * }
 * }</pre>
 * Threading: thread-safe.
 */
public final class ActorTestKit implements AutoCloseable {

	private final TestClock clock = new TestClock();

	private final Core core;

	private final AtomicInteger probes = new AtomicInteger();

	private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

	private final List<ActorFailure> failures = new CopyOnWriteArrayList<>();

	private ActorTestKit(Core.Builder builder) {
		this.core = builder.clock(this.clock)
			.serializationCheck(SerializationCheck.EVERY_MESSAGE)
			.monitor(new FailureRecorder())
			.build();
		this.core.createActor("test-kit-dead-letters", new DeadLetterRecorder());
	}

	/** A kit with a core of the defaults, on its own clock. */
	public static ActorTestKit create() {
		return new ActorTestKit(Core.builder());
	}

	/**
	 * A kit whose actors take their turns on the thread that gives them mail: a {@code tell}
	 * from the test returns after the handler ran (and the handlers of what it sent on, probes
	 * included), an {@code ask} returns an answered future, and a clock's {@code advance} returns
	 * after the ticks were handled. For unit tests of handler logic, step by step in the test's
	 * own thread; a handler that blocks blocks the test.
	 */
	public static ActorTestKit synchronous() {
		return new ActorTestKit(Core.builder().executor(Runnable::run));
	}

	/** The core under test. */
	public Core core() {
		return this.core;
	}

	/** The clock its timers, schedules and ask timeouts run on. */
	public TestClock clock() {
		return this.clock;
	}

	/** A new probe, an actor of this core named {@code probe-<n>}. */
	public TestProbe createProbe() {
		return new TestProbe(this.core, "probe-" + this.probes.incrementAndGet());
	}

	/**
	 * The dead letters published so far, oldest first. They are published as the runtime notices
	 * them, on the actors' threads: a test that expects one waits for it.
	 */
	public List<DeadLetter> deadLetters() {
		return List.copyOf(this.deadLetters);
	}

	/** The handler failures so far, oldest first; taken, they no longer fail {@link #close()}. */
	public List<ActorFailure> takeFailures() {
		List<ActorFailure> taken = new ArrayList<>();
		for (ActorFailure failure : this.failures) {
			if (this.failures.remove(failure)) {
				taken.add(failure);
			}
		}
		return taken;
	}

	/**
	 * Shuts the core down: its actors drain and stop (waiting up to 10 seconds).
	 * @throws AssertionError naming each handler failure the test did not take
	 */
	@Override
	public void close() {
		this.core.shutdown(Duration.ofSeconds(10));
		if (!this.failures.isEmpty()) {
			AssertionError error = new AssertionError("Actors failed and the test did not take the failures "
					+ "(ActorTestKit.takeFailures()): " + this.failures);
			this.failures.forEach((failure) -> error.addSuppressed(failure.error()));
			throw error;
		}
	}

	/** Hears every handler failure of the core. */
	private final class FailureRecorder implements ActorMonitor {

		@Override
		public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
				Throwable error) {
			ActorTestKit.this.failures.add(new ActorFailure(actor.name(), messageType, error));
		}

	}

	/** Keeps every dead letter the core publishes. */
	private final class DeadLetterRecorder implements Actor {

		@MessageHandler
		void onDeadLetter(DeadLetter letter) {
			ActorTestKit.this.deadLetters.add(letter);
		}

	}

}
