package io.libactors.cluster.hazelcast;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code actorsCluster}: up, with the cluster's state ({@code ALONE},
 * {@code MIGRATING} or {@code SAFE}), its members, and this instance's partitions and entities.
 * An instance alone still serves every entity, so it stays up.
 */
final class ClusterHealthIndicator implements HealthIndicator {

	private final ClusterStatus status;

	ClusterHealthIndicator(ClusterStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("state", this.status.state())
			.withDetail("members", this.status.members())
			.withDetail("partitions", this.status.partitionsHere())
			.withDetail("entities", this.status.entitiesHere())
			.build();
	}

}
