package io.libactors.benchmarks.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Apache Pekko 1.7 Cluster Sharding as its documentation sets it up: three actor systems on
 * Artery TCP (127.0.0.1:25521-25523), the Jackson JSON serializer, 100 shards, the Split Brain
 * Resolver, the default dispatcher.
 */
final class PekkoCluster extends ClusterHarness {

	static final LongAdder received = new LongAdder();

	/** Where each entity was last active: the port of its system. */
	static final Map<String, Integer> hosts = new ConcurrentHashMap<>();

	/** Messages that cross between systems as JSON. */
	public interface Json {
	}

	public interface Command extends Json {
	}

	public record Num(int n) implements Command {
	}

	public record Question(int n, ActorRef<Integer> replyTo) implements Command {
	}

	static final EntityTypeKey<Command> ECHO = EntityTypeKey.create(Command.class, "echo");

	private final List<ActorSystem<Void>> systems = new ArrayList<>();

	private final ClusterSharding sharding;

	PekkoCluster() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.systems.add(system(25521 + i));
		}
		awaitFormed(() -> allUp(3));
		this.sharding = ClusterSharding.get(this.systems.get(0));
	}

	private static ActorSystem<Void> system(int port) {
		Config config = ConfigFactory.parseString("""
					pekko.loglevel = WARNING
					pekko.log-dead-letters = off
					pekko.actor.provider = cluster
					pekko.remote.artery.canonical.hostname = "127.0.0.1"
					pekko.remote.artery.canonical.port = %d
					pekko.cluster.seed-nodes = ["pekko://bench@127.0.0.1:25521"]
					pekko.cluster.downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
					pekko.cluster.jmx.enabled = off
					pekko.cluster.sharding.number-of-shards = 100
					pekko.actor.serialization-bindings {
					  "io.libactors.benchmarks.cluster.PekkoCluster$Json" = jackson-json
					}
					""".formatted(port)).withFallback(ConfigFactory.load());
		ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench", config);
		ClusterSharding.get(system).init(Entity.of(ECHO, (context) -> echo(context.getEntityId(), port)));
		return system;
	}

	@Override
	void join() throws Exception {
		this.systems.add(system(25524));
		awaitFormed(() -> allUp(4));
	}

	@Override
	int onFourth(List<String> ids) {
		return (int) ids.stream().filter((id) -> hosts.get(id) == 25524).count();
	}

	@Override
	void leave() throws Exception {
		ActorSystem<Void> leaving = this.systems.remove(3);
		leaving.terminate(); // coordinated shutdown: the member leaves the cluster, its shards hand off
		leaving.getWhenTerminated().toCompletableFuture().get(120, TimeUnit.SECONDS);
	}

	private boolean allUp(int members) {
		for (ActorSystem<Void> system : this.systems) {
			int up = 0;
			for (org.apache.pekko.cluster.Member member : Cluster.get(system).state().getMembers()) {
				up += (member.status() == MemberStatus.up()) ? 1 : 0;
			}
			if (up < members) {
				return false;
			}
		}
		return true;
	}

	private static Behavior<Command> echo(String id, int port) {
		hosts.put(id, port);
		return Behaviors.receive(Command.class).onMessage(Num.class, (num) -> {
			received.increment();
			return Behaviors.same();
		}).onMessage(Question.class, (question) -> {
			question.replyTo().tell(question.n() + 1);
			return Behaviors.same();
		}).build();
	}

	@Override
	List<String> remoteEntities(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; ids.size() < count; i++) {
			String id = "e" + i;
			ask(id, 0);
			if (hosts.get(id) != 25521) {
				ids.add(id);
			}
		}
		return ids;
	}

	@Override
	int ask(String id, int n) throws Exception {
		return this.sharding.entityRefFor(ECHO, id)
			.<Integer>ask((replyTo) -> new Question(n, replyTo), Duration.ofSeconds(30))
			.toCompletableFuture()
			.get(60, TimeUnit.SECONDS);
	}

	@Override
	void tell(String id, int n) {
		this.sharding.entityRefFor(ECHO, id).tell(new Num(n));
	}

	@Override
	long received() {
		return received.sum();
	}

	@Override
	public void close() {
		for (ActorSystem<Void> system : this.systems) {
			system.terminate();
		}
		for (ActorSystem<Void> system : this.systems) {
			try {
				system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// a benchmark's end: nothing to do
			}
		}
	}

}
