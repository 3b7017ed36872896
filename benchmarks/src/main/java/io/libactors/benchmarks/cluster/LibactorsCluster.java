package io.libactors.benchmarks.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.hazelcast.core.HazelcastInstance;
import io.libactors.Actor;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

/**
 * libactors as users run it across instances: three Spring applications with the starter and
 * {@code actors.cluster.enabled=true} (each its own embedded Hazelcast member), entities made
 * from a prototype {@code @ActorComponent}.
 */
final class LibactorsCluster extends ClusterHarness {

	static final LongAdder received = new LongAdder();

	public record Num(int n) implements Message {
	}

	public record Question(int n) implements Message {
	}

	@ActorComponent("echo")
	@Scope("prototype")
	static class Echo implements Actor {

		@MessageHandler
		void on(Num num) {
			received.increment();
		}

		@MessageHandler
		int on(Question question) {
			return question.n() + 1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Echo.class)
	static class EchoApplication {

	}

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final Core core;

	private final String cluster = "bench-" + UUID.randomUUID();

	LibactorsCluster() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.instances.add(instance());
		}
		HazelcastInstance hazelcast = this.instances.get(0).getBean(HazelcastInstance.class);
		awaitFormed(() -> hazelcast.getCluster().getMembers().size() == 3
				&& hazelcast.getPartitionService().isClusterSafe());
		this.core = this.instances.get(0).getBean(Core.class);
	}

	private ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(EchoApplication.class).web(WebApplicationType.NONE)
			.properties("actors.cluster.enabled=true", "actors.cluster.name=" + this.cluster,
					"spring.main.banner-mode=off", "logging.level.com.hazelcast=warn",
					"logging.level.io.libactors=warn", "logging.level.org.springframework=warn")
			.run();
	}

	@Override
	void join() {
		this.instances.add(instance());
	}

	@Override
	int onFourth(List<String> ids) {
		Core fourth = this.instances.get(3).getBean(Core.class);
		return (int) ids.stream().filter((id) -> fourth.find("echo/" + id).isPresent()).count();
	}

	@Override
	void leave() {
		this.instances.remove(3).close();
	}

	@Override
	List<String> remoteEntities(int count) throws Exception {
		HazelcastInstance hazelcast = this.instances.get(0).getBean(HazelcastInstance.class);
		List<String> ids = new ArrayList<>();
		for (int i = 0; ids.size() < count; i++) {
			String id = "e" + i;
			if (!hazelcast.getPartitionService().getPartition("echo/" + id).getOwner().localMember()) {
				ask(id, 0);
				ids.add(id);
			}
		}
		return ids;
	}

	@Override
	int ask(String id, int n) throws Exception {
		return this.core.entity(Echo.class, id).ask(new Question(n), Integer.class, Duration.ofSeconds(30))
			.get(60, TimeUnit.SECONDS);
	}

	@Override
	void tell(String id, int n) {
		this.core.entity(Echo.class, id).tell(new Num(n));
	}

	@Override
	long received() {
		return received.sum();
	}

	@Override
	public void close() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

}
