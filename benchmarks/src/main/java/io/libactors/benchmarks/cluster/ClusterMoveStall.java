package io.libactors.benchmarks.cluster;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Not a timing of throughput: one thread asks 200 entities in turn, one ask at a time, while a
 * fourth instance joins (entities move to it; given up to 90 s) and then leaves gracefully (they
 * move back). The
 * longest ask in each phase is the longest an entity's mail stalled. Argument: the system.
 * Prints one line.
 */
public final class ClusterMoveStall {

	private ClusterMoveStall() {
	}

	public static void main(String[] args) throws Exception {
		try (ClusterHarness cluster = ClusterHarness.of(args[0])) {
			List<String> entities = cluster.remoteEntities(200);
			AtomicInteger phase = new AtomicInteger();
			AtomicLongArray longest = new AtomicLongArray(3);
			AtomicInteger asks = new AtomicInteger();
			AtomicInteger failed = new AtomicInteger();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread asker = new Thread(() -> {
				for (int n = 0; running.get(); n++) {
					long start = System.nanoTime();
					try {
						cluster.ask(entities.get(n % entities.size()), n);
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
					long took = System.nanoTime() - start;
					longest.accumulateAndGet(phase.get(), took, Math::max);
					asks.incrementAndGet();
				}
			}, "asker");
			asker.start();
			Thread.sleep(5_000);
			phase.set(1);
			cluster.join();
			// Pekko rebalances a few shards every 10 s: wait until a share of the entities has moved
			long joined = System.nanoTime();
			while (System.nanoTime() - joined < 15_000_000_000L
					|| (cluster.onFourth(entities) < entities.size() / 8 && System.nanoTime() - joined < 90_000_000_000L)) {
				Thread.sleep(1_000);
			}
			int moved = cluster.onFourth(entities);
			phase.set(2);
			cluster.leave();
			Thread.sleep(10_000);
			running.set(false);
			asker.join(60_000);
			System.out.printf("%s longest ask (ms): steady %.1f, join %.1f, leave %.1f; asks %d, failed %d; "
					+ "entities on the fourth instance before it left: %d of %d%n", args[0], longest.get(0) / 1e6,
					longest.get(1) / 1e6, longest.get(2) / 1e6, asks.get(), failed.get(), moved, entities.size());
		}
		System.exit(0);
	}

}
