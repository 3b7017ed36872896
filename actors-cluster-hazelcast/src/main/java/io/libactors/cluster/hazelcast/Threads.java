package io.libactors.cluster.hazelcast;

import java.util.concurrent.ThreadFactory;

/** Daemon threads with a name, for the cluster's own executors. */
final class Threads {

	private Threads() {
	}

	static ThreadFactory named(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
