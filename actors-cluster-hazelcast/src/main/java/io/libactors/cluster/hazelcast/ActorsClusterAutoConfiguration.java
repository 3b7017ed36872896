package io.libactors.cluster.hazelcast;

import java.util.HashMap;
import java.util.Map;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.libactors.Actor;
import io.libactors.Core;
import io.libactors.SerializationCheck;
import io.libactors.spring.ActorBeanRegistrar;
import io.libactors.spring.ActorJsonMapper;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.ActorsCoreBuilderCustomizer;
import io.libactors.spring.boot.autoconfigure.ActorsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Entities across instances, with {@code actors.cluster.enabled=true}: the application's
 * {@link HazelcastInstance} (Boot's, from {@code hazelcast.yaml} or {@code spring.hazelcast.config}),
 * or else a member of the starter's own that finds the other instances on this machine
 * ({@link LoopbackMember}); a router that places each entity on the owner of its key's partition;
 * and the lifecycle that hands entities over as an instance leaves.
 */
@AutoConfiguration(after = { HazelcastAutoConfiguration.class, ActorsAutoConfiguration.class },
		beforeName = "org.springframework.boot.hazelcast.autoconfigure.health.HazelcastHealthContributorAutoConfiguration")
@ConditionalOnClass(HazelcastInstance.class)
@ConditionalOnBooleanProperty("actors.cluster.enabled")
@EnableConfigurationProperties(ClusterProperties.class)
public final class ActorsClusterAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ActorsClusterAutoConfiguration.class);

	/** Hazelcast's own shutdown hook: on by default. */
	static final String SHUTDOWN_HOOK = "hazelcast.shutdownhook.enabled";

	/** The starter's own member, when the application has none; the name Boot's support looks for. */
	@Bean(name = "hazelcastInstance", destroyMethod = "shutdown")
	@ConditionalOnMissingBean(HazelcastInstance.class)
	HazelcastInstance hazelcastInstance(ClusterProperties properties) {
		return Hazelcast.newHazelcastInstance(LoopbackMember.config(properties.getName()));
	}

	@Bean(destroyMethod = "close")
	HazelcastEntityRouter actorsEntityRouter(HazelcastInstance hazelcast, ActorBeanRegistrar registrar,
			ObjectProvider<ActorJsonMapper> jsonMapper, ActorsProperties actors) {
		if (!(hazelcast.getLocalEndpoint() instanceof Member)) {
			throw new IllegalStateException("actors.cluster.enabled needs a Hazelcast member, but the application's "
					+ "HazelcastInstance is a client: entities live on members. Remove the client configuration "
					+ "(hazelcast-client.yaml or a ClientConfig bean), or set actors.cluster.enabled=false.");
		}
		if (!"false".equalsIgnoreCase(hazelcast.getConfig().getProperty(SHUTDOWN_HOOK))) {
			logger.warn("The application's Hazelcast member has its own shutdown hook: on SIGTERM it may leave the "
					+ "cluster while this instance still hands its entities over, and mail to them can be lost. Set "
					+ "the Hazelcast property {}=false (Spring closes the member after the hand-over).", SHUTDOWN_HOOK);
		}
		if (actors.getSerializationCheck() == SerializationCheck.NONE) {
			throw new IllegalStateException("actors.serialization-check=NONE cannot be used with "
					+ "actors.cluster.enabled=true: messages to entities cross between instances as JSON, so every "
					+ "message type must pass the JSON check. Remove actors.serialization-check, or set it to "
					+ "REGISTRATION.");
		}
		Map<String, Class<? extends Actor>> templates = new HashMap<>();
		for (ActorBeanRegistrar.ActorDefinition definition : registrar.actors()) {
			if (definition.prototype()) {
				templates.put(definition.name(), definition.type().asSubclass(Actor.class));
			}
		}
		JsonMapper mapper = jsonMapper.stream().findFirst().map(ActorJsonMapper::mapper)
			.orElseGet(() -> JsonMapper.builder().build());
		return new HazelcastEntityRouter(hazelcast, templates::get, mapper);
	}

	@Bean
	ActorsCoreBuilderCustomizer actorsClusterCustomizer(HazelcastEntityRouter router) {
		return (builder) -> builder.entityRouter(router).entityStateStore(router).monitor(router);
	}

	@Bean
	ClusterStatus actorsClusterStatus(HazelcastInstance hazelcast, HazelcastEntityRouter router) {
		return new ClusterStatus(hazelcast, router);
	}

	/** Nested: its types exist only where Spring Boot's health support is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "actorsClusterHealthIndicator")
		ClusterHealthIndicator actorsClusterHealthIndicator(ClusterStatus status) {
			return new ClusterHealthIndicator(status);
		}

	}

	/** Nested: its types exist only where Micrometer is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetersConfiguration {

		@Bean
		ClusterMeters actorsClusterMeters(ClusterStatus status) {
			return new ClusterMeters(status);
		}

	}

	@Bean
	ClusterLifecycle actorsClusterLifecycle(HazelcastEntityRouter router, Core core, ClusterProperties properties) {
		return new ClusterLifecycle(router, core, properties.getLeaveTimeout());
	}

}
