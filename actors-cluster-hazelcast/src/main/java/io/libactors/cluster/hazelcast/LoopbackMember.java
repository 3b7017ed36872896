package io.libactors.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * The configuration of the member the starter runs when the application has no Hazelcast of its
 * own: it binds to 127.0.0.1 only and finds the other instances on the same machine (ports 5701
 * up), with no multicast and no phone-home, so instances started side by side form one cluster.
 * For other machines, give the application its own Hazelcast configuration ({@code hazelcast.yaml}).
 */
final class LoopbackMember {

	/** Ports tried for other instances on this machine, from 5701. */
	static final int PORTS = 20;

	private LoopbackMember() {
	}

	static Config config(String clusterName) {
		// A lite member holds no partitions: it takes none before its application can host
		// entities, and the router promotes it then (so no mail waits for a starting instance).
		Config config = new Config().setClusterName(clusterName).setLiteMember(true);
		NetworkConfig network = config.getNetworkConfig().setPort(5701).setPortAutoIncrement(true).setPortCount(PORTS);
		network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
		config.getJetConfig().setEnabled(false);
		config.setProperty("hazelcast.socket.bind.any", "false");
		config.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(PORTS));
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		// Spring closes the member, after the actors have handed their entities over
		config.setProperty(ActorsClusterAutoConfiguration.SHUTDOWN_HOOK, "false");
		config.setProperty("hazelcast.graceful.shutdown.max.wait", "60");
		config.setProperty("hazelcast.wait.seconds.before.join", "0");
		return config;
	}

}
