package io.libactors.cluster.hazelcast;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The cluster's meters: {@code actors.cluster.members}, {@code actors.cluster.partitions} (owned
 * here), {@code actors.entities.active} (here), and the counters
 * {@code actors.cluster.messages.sent}, {@code actors.cluster.messages.received} and
 * {@code actors.cluster.handovers} (entities passivated here because they moved).
 */
final class ClusterMeters implements MeterBinder {

	private final ClusterStatus status;

	ClusterMeters(ClusterStatus status) {
		this.status = status;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("actors.cluster.members", this.status, ClusterStatus::members)
			.description("Members of the cluster")
			.register(registry);
		Gauge.builder("actors.cluster.partitions", this.status, ClusterStatus::partitionsHere)
			.description("Partitions this instance owns")
			.register(registry);
		Gauge.builder("actors.entities.active", this.status, ClusterStatus::entitiesHere)
			.description("Entities active on this instance")
			.register(registry);
		FunctionCounter.builder("actors.cluster.messages.sent", this.status, ClusterStatus::sent)
			.description("Messages to entities sent from this instance")
			.register(registry);
		FunctionCounter.builder("actors.cluster.messages.received", this.status, ClusterStatus::received)
			.description("Messages to entities delivered on this instance")
			.register(registry);
		FunctionCounter.builder("actors.cluster.handovers", this.status, ClusterStatus::handedOver)
			.description("Entities passivated here because their partition moved or this instance left")
			.register(registry);
	}

}
