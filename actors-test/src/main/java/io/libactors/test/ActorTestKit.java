package io.libactors.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.libactors.Core;
import io.libactors.SerializationCheck;

/**
 * A {@link Core} for tests: its timers, schedules and ask timeouts run on a {@link TestClock}
 * that moves only when the test says, every message makes a JSON round trip as it would between
 * instances ({@link SerializationCheck#EVERY_MESSAGE}), and {@link TestProbe}s record what
 * actors send them. Close it after the test (try-with-resources, or {@code @AfterEach}).
 * <pre>{@code
 * try (ActorTestKit kit = ActorTestKit.create()) {
 *     TestProbe probe = kit.createProbe();
 *     ActorProxy<Reminder> reminder = kit.core().createActor("reminder", new Reminder(probe.proxy()));
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

	private ActorTestKit(Core.Builder builder) {
		this.core = builder.clock(this.clock).serializationCheck(SerializationCheck.EVERY_MESSAGE).build();
	}

	/** A kit with a core of the defaults, on its own clock. */
	public static ActorTestKit create() {
		return new ActorTestKit(Core.builder());
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

	/** Shuts the core down: its actors drain and stop (waiting up to 10 seconds). */
	@Override
	public void close() {
		this.core.shutdown(Duration.ofSeconds(10));
	}

}
