package io.libactors.cluster.hazelcast;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Entities across instances ({@code actors.cluster.*}).
 */
@ConfigurationProperties("actors.cluster")
public class ClusterProperties {

	/**
	 * Whether entities are placed across the instances of a Hazelcast cluster.
	 */
	private boolean enabled;

	/**
	 * Name of the cluster the starter's own member joins (when the application has no
	 * HazelcastInstance): instances with the same name on this machine form one cluster.
	 */
	private String name = "libactors";

	/**
	 * How long a leaving instance waits for its entities to finish what they took and hand over.
	 */
	private Duration leaveTimeout = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Duration getLeaveTimeout() {
		return this.leaveTimeout;
	}

	public void setLeaveTimeout(Duration leaveTimeout) {
		this.leaveTimeout = leaveTimeout;
	}

}
