package io.libactors.cluster.hazelcast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.libactors.spring.boot.autoconfigure.endpoint.ClusterSection;

/**
 * What this instance knows of the cluster, for the {@code actors} endpoint, health and meters:
 * its state ({@code ALONE}, {@code MIGRATING} or {@code SAFE}), the members, the partitions it
 * owns and the entities active on it. Reads only local views: never waits on other members.
 * Thread-safe.
 */
final class ClusterStatus implements ClusterSection {

	private final HazelcastInstance hazelcast;

	private final HazelcastEntityRouter router;

	ClusterStatus(HazelcastInstance hazelcast, HazelcastEntityRouter router) {
		this.hazelcast = hazelcast;
		this.router = router;
	}

	String state() {
		if (this.hazelcast.getCluster().getMembers().size() < 2) {
			return "ALONE";
		}
		EntityHost host = this.router.host();
		return (host != null && host.isMigrating()) ? "MIGRATING" : "SAFE";
	}

	int members() {
		return this.hazelcast.getCluster().getMembers().size();
	}

	int partitionsHere() {
		int owned = 0;
		for (Partition partition : this.hazelcast.getPartitionService().getPartitions()) {
			Member owner = partition.getOwner();
			if (owner != null && owner.localMember()) {
				owned++;
			}
		}
		return owned;
	}

	int entitiesHere() {
		EntityHost host = this.router.host();
		return (host != null) ? host.activeEntities().size() : 0;
	}

	long received() {
		EntityHost host = this.router.host();
		return (host != null) ? host.received() : 0L;
	}

	long handedOver() {
		EntityHost host = this.router.host();
		return (host != null) ? host.handedOver() : 0L;
	}

	long sent() {
		return this.router.sent();
	}

	@Override
	public Map<String, Object> describe() {
		Map<UUID, Integer> partitions = new HashMap<>();
		for (Partition partition : this.hazelcast.getPartitionService().getPartitions()) {
			Member owner = partition.getOwner();
			if (owner != null) {
				partitions.merge(owner.getUuid(), 1, Integer::sum);
			}
		}
		List<Map<String, Object>> members = new ArrayList<>();
		for (Member member : this.hazelcast.getCluster().getMembers()) {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("address", member.getAddress().toString());
			described.put("uuid", member.getUuid().toString());
			described.put("local", member.localMember());
			described.put("lite", member.isLiteMember());
			described.put("partitions", partitions.getOrDefault(member.getUuid(), 0));
			members.add(described);
		}
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("state", state());
		section.put("members", members);
		section.put("partitions", partitionsHere());
		section.put("entities", entitiesHere());
		section.put("messagesSent", sent());
		section.put("messagesReceived", received());
		section.put("handedOver", handedOver());
		return section;
	}

}
