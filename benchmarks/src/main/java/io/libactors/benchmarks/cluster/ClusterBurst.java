package io.libactors.benchmarks.cluster;

import java.util.List;

/**
 * Not a timing: 200,000 tells from one thread to entities on the other instances, as fast as
 * the sender can go, then counts how many arrive (waiting until the count has not moved for
 * 10 s). Argument: the system. Prints one line: system, sent, arrived, seconds to send.
 */
public final class ClusterBurst {

	private ClusterBurst() {
	}

	public static void main(String[] args) throws Exception {
		int burst = 200_000;
		try (ClusterHarness cluster = ClusterHarness.of(args[0])) {
			List<String> entities = cluster.remoteEntities(100);
			long before = cluster.received();
			long start = System.nanoTime();
			for (int n = 0; n < burst; n++) {
				cluster.tell(entities.get(n % entities.size()), n);
			}
			double sending = (System.nanoTime() - start) / 1e9;
			long seen = -1;
			long still = System.nanoTime();
			while (System.nanoTime() - still < 10_000_000_000L) {
				long now = cluster.received() - before;
				if (now != seen) {
					seen = now;
					still = System.nanoTime();
				}
				if (now == burst) {
					break;
				}
				Thread.sleep(50);
			}
			System.out.printf("%s sent %d arrived %d send-seconds %.2f%n", args[0], burst, cluster.received() - before,
					sending);
		}
		System.exit(0);
	}

}
