package io.libactors.cluster.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.HazelcastInstance;
import io.libactors.ActorException;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.StatefulActor;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Three Spring applications in one JVM, each with the starter's own Hazelcast member: with
 * {@code actors.cluster.enabled=true} and nothing else they form one cluster, every instance
 * reaches every entity, and closing one under load hands its entities over with nothing lost.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringClusterTests {

	/** Activations of each entity, across the three applications. */
	static final ConcurrentHashMap<String, AtomicInteger> activations = new ConcurrentHashMap<>();

	private final String cluster = "libactors-spring-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	record Add(long amount) implements Message {
	}

	record Total() implements Message {
	}

	/** A counter entity: a prototype bean with an injected property, its total kept across moves. */
	@ActorComponent("counter")
	@Scope("prototype")
	static class Counter implements StatefulActor<Long> {

		private final long step;

		private long total;

		Counter(@Value("${counter.step:1}") long step) {
			this.step = step;
		}

		@Override
		public void restore(Long state) {
			this.total = state;
		}

		@Override
		public void initialize(io.libactors.Context context) {
			activations.computeIfAbsent(context.name(), (key) -> new AtomicInteger()).incrementAndGet();
		}

		@MessageHandler
		void on(Add add) {
			this.total += add.amount() * this.step;
		}

		@MessageHandler
		long on(Total total) {
			return this.total;
		}

		@Override
		public Long state() {
			return this.total;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Counter.class)
	static class CounterApplication {

	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CounterApplication.class)
			.web(WebApplicationType.NONE)
			.properties("actors.cluster.enabled=true", "actors.cluster.name=" + this.cluster,
					"spring.main.banner-mode=off")
			.run();
		this.instances.add(context);
		return context;
	}

	@AfterEach
	void close() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		activations.clear();
	}

	private static long total(ConfigurableApplicationContext instance, String id) throws Exception {
		return instance.getBean(Core.class).entity(Counter.class, id).ask(new Total(), Long.class, Duration.ofSeconds(60))
			.get(90, TimeUnit.SECONDS);
	}

	@Test
	void threeInstancesFormOneClusterAndEveryInstanceReachesEveryEntity() throws Exception {
		List<ConfigurableApplicationContext> all = List.of(start(), start(), start());
		HazelcastInstance hazelcast = all.get(0).getBean(HazelcastInstance.class);
		// three members and their partitions settled: no entity moves, so each is activated once
		await().atMost(Duration.ofSeconds(60)).until(() -> hazelcast.getCluster().getMembers().size() == 3
				&& hazelcast.getPartitionService().isClusterSafe());
		for (int i = 0; i < 20; i++) {
			for (ConfigurableApplicationContext instance : all) {
				instance.getBean(Core.class).entity(Counter.class, "c" + i).tell(new Add(1));
			}
		}
		for (int i = 0; i < 20; i++) {
			String id = "c" + i;
			// the tells from the other instances may still be on their way (FIFO is per sender)
			await().atMost(Duration.ofSeconds(60)).until(() -> total(all.get(0), id) == 3);
			for (ConfigurableApplicationContext instance : all) {
				assertThat(total(instance, id)).isEqualTo(3);
			}
		}
		assertThat(activations).hasSize(20).allSatisfy((name, count) -> assertThat(count).hasValue(1));
	}

	@Test
	void withoutTheSwitchNoMemberStartsAndEntitiesStayOnTheirInstance() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class, HazelcastAutoConfiguration.class,
					ActorsClusterAutoConfiguration.class))
			.withUserConfiguration(Counter.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HazelcastInstance.class)
				.doesNotHaveBean(HazelcastEntityRouter.class));
	}

	/** A plain class: a template on one instance only (no bean), which the others could not make. */
	public static class Plain implements io.libactors.Actor {

		@MessageHandler
		void on(Add add) {
		}

	}

	@Test
	void anEntityTypeThatIsNotAPrototypeBeanIsRefusedAtItsFirstProxy() {
		Core core = start().getBean(Core.class);
		assertThatThrownBy(() -> core.entity(Plain.class, "p1")).isInstanceOf(ActorException.class)
			.hasMessageContaining("Entity type " + Plain.class.getName() + " cannot be placed in the cluster")
			.hasMessageContaining("Declare Plain as @ActorComponent @Scope(\"prototype\")");
	}

	/** The application's own member, as Hazelcast configures one by default: with its shutdown hook. */
	@Configuration(proxyBeanMethods = false)
	static class OwnMember {

		@Bean
		com.hazelcast.config.Config hazelcastConfig(@Value("${test.cluster}") String cluster) {
			return LoopbackMember.config(cluster).setProperty(ActorsClusterAutoConfiguration.SHUTDOWN_HOOK, "true");
		}

	}

	@Test
	void anApplicationMemberWithItsOwnShutdownHookIsWarnedOfAtStart(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CounterApplication.class, OwnMember.class)
			.web(WebApplicationType.NONE)
			.properties("actors.cluster.enabled=true", "test.cluster=" + this.cluster, "spring.main.banner-mode=off")
			.run();
		this.instances.add(context);
		assertThat(output).contains("The application's Hazelcast member has its own shutdown hook")
			.contains("hazelcast.shutdownhook.enabled=false");
	}

	@Test
	void theStartersOwnMemberLeavesItsShutdownToSpring(CapturedOutput output) {
		start();
		assertThat(output).doesNotContain("The application's Hazelcast member has its own shutdown hook");
	}

	@Test
	void aClusterRefusesToStartWithoutTheJsonCheck() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(CounterApplication.class).web(WebApplicationType.NONE)
			.properties("actors.cluster.enabled=true", "actors.cluster.name=" + this.cluster,
					"actors.serialization-check=NONE", "spring.main.banner-mode=off")
			.run()).hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("actors.serialization-check=NONE cannot be used with actors.cluster.enabled=true");
	}

	@Test
	void anInstanceThatClosesUnderLoadHandsItsEntitiesOverLosingNothing() throws Exception {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		ConfigurableApplicationContext leaving = start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> first.getBean(HazelcastInstance.class).getCluster().getMembers().size() == 3);
		int entities = 30;
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicLong told = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(2);
		List<Future<?>> running = new ArrayList<>();
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			Core core = instance.getBean(Core.class);
			running.add(senders.submit(() -> {
				while (sending.get()) {
					for (int e = 0; e < entities; e++) {
						core.entity(Counter.class, "d" + e).tell(new Add(1));
						told.incrementAndGet();
					}
				}
				return null;
			}));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> leaving.getBean(Core.class).actorCount() > 0);
		leaving.close();
		sending.set(false);
		for (Future<?> future : running) {
			future.get(120, TimeUnit.SECONDS);
		}
		senders.shutdown();

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			long total = 0;
			for (int e = 0; e < entities; e++) {
				total += total(first, "d" + e);
			}
			return total == told.get();
		});
		assertThat(first.getBean(Core.class).deadLetterCount() + second.getBean(Core.class).deadLetterCount())
			.isZero();
	}

}
