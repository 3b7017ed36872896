package io.libactors.cluster.hazelcast;

import java.time.Duration;

import io.libactors.Core;
import io.libactors.spring.ActorLifecycle;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

/**
 * The instance in the cluster: it takes mail for its entities once every singleton exists
 * (before any actor starts), and as the application closes, after the web server has drained and
 * before the actors stop, it hands its entities over ({@link EntityHost#leave}); Hazelcast's own
 * graceful shutdown then moves their partitions, parked mail included.
 */
final class ClusterLifecycle implements SmartInitializingSingleton, SmartLifecycle {

	/** After the web server's stop ({@code MAX_VALUE - 2048}), before the actors' ({@link ActorLifecycle#PHASE}). */
	static final int PHASE = ActorLifecycle.PHASE + 512;

	private final HazelcastEntityRouter router;

	private final Core core;

	private final Duration leaveTimeout;

	private volatile boolean running;

	ClusterLifecycle(HazelcastEntityRouter router, Core core, Duration leaveTimeout) {
		this.router = router;
		this.core = core;
		this.leaveTimeout = leaveTimeout;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.router.start(this.core);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.router.leave(this.leaveTimeout);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
