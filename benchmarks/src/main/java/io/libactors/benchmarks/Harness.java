package io.libactors.benchmarks;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * One actor system under test, seen the way every workload needs it: actors that take numbers,
 * stopping them, and asking from a plain thread. Each system gets the same workloads.
 */
abstract class Harness implements AutoCloseable {

	/** The systems a benchmark can name in its {@code system} parameter. */
	static Harness of(String system) {
		return switch (system) {
			case "libactors" -> new LibactorsHarness(false);
			case "libactors-metrics" -> new LibactorsHarness(true);
			case "libactors-tracing" -> LibactorsHarness.traced();
			case "spring" -> new SpringHarness(false);
			case "spring-metrics" -> new SpringHarness(true);
			case "pekko-default" -> new PekkoHarness(false);
			case "pekko-tuned" -> new PekkoHarness(true);
			case "bare" -> new BareHarness();
			default -> throw new IllegalArgumentException("Unknown system " + system);
		};
	}

	/** Where an actor gets its numbers. */
	interface Ref {

		void tell(int n);

	}

	/**
	 * An actor that hands every number it is told to {@code behaviour}, one at a time.
	 * @param name unique among live actors
	 */
	abstract Ref spawn(String name, IntConsumer behaviour);

	/** Stops the actors and returns once all of them have stopped. */
	abstract void stop(List<Ref> actors) throws Exception;

	/** An actor that answers a number with the number plus one. */
	abstract Asker asker(String name);

	/** Asks from the calling thread and waits for the answer. */
	interface Asker {

		int ask(int n) throws Exception;

	}

	@Override
	public abstract void close();

}
