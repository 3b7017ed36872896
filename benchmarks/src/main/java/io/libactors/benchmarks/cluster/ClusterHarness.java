package io.libactors.benchmarks.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Three instances of one actor system in this JVM, on loopback, placing entities across them;
 * everything is sent from the first. Each entity answers a number with the number plus one, and
 * counts the numbers it is told.
 */
abstract class ClusterHarness implements AutoCloseable {

	static ClusterHarness of(String system) throws Exception {
		return switch (system) {
			case "libactors" -> new LibactorsCluster();
			case "pekko" -> new PekkoCluster();
			default -> throw new IllegalArgumentException("Unknown system " + system);
		};
	}

	/** Waits, up to two minutes, until the instances have formed one cluster. */
	static void awaitFormed(BooleanSupplier formed) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!formed.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The cluster did not form in 120 s");
			}
			Thread.sleep(100);
		}
	}

	/** Ids of entities that live on the other two instances, each having handled a message. */
	abstract List<String> remoteEntities(int count) throws Exception;

	/** Asks the entity from the first instance, on the calling thread, and waits. */
	abstract int ask(String id, int n) throws Exception;

	/** Tells the entity from the first instance. */
	abstract void tell(String id, int n);

	/** Numbers told that have reached their entities, across the cluster. */
	abstract long received();

	/** Starts a fourth instance, which takes its share of the entities. */
	abstract void join() throws Exception;

	/** How many of these entities are active on the fourth instance. */
	abstract int onFourth(List<String> ids);

	/** Stops the fourth instance gracefully: its entities move back. */
	abstract void leave() throws Exception;

	@Override
	public abstract void close();

}
