package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;

import io.libactors.Context;
import io.libactors.Core;
import io.libactors.spring.ActorBeanRegistrar;
import io.libactors.spring.ActorLifecycle;
import io.libactors.spring.SpringActorTemplates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Actors as beans: a {@link Core} configured from {@code actors.*}, every
 * {@code @ActorComponent} registered, and a lifecycle that starts the actors after refresh and
 * drains them on close.
 */
@AutoConfiguration(after = TaskSchedulingAutoConfiguration.class)
@EnableConfigurationProperties(ActorsProperties.class)
public final class ActorsAutoConfiguration {

	@Bean
	static ActorBeanRegistrar actorBeanRegistrar() {
		return new ActorBeanRegistrar();
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	Core actorsCore(ActorsProperties properties, Environment environment, ObjectProvider<Context> context,
			ConfigurableListableBeanFactory beanFactory, ActorBeanRegistrar registrar) {
		Boolean virtual = properties.getDispatcher().getVirtualThreads();
		if (virtual == null) {
			virtual = environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
		}
		Core.Builder builder = Core.builder()
			.askTimeout(properties.getAskTimeout())
			.mailboxCapacity(properties.getMailbox().getCapacity())
			.throughput(properties.getDispatcher().getThroughput())
			.virtualThreads(virtual)
			.maxRestarts(properties.getSupervision().getMaxRestarts())
			.restartWindow(properties.getSupervision().getWindow())
			.serializationCheck(properties.getSerializationCheck())
			.templates(new SpringActorTemplates(beanFactory, registrar));
		// Not yet as SPEC.md asks: the Core takes the context bean when it is built, so a Context
		// subclass that injects a service holding an ActorProxy makes a cycle.
		Context userContext = context.getIfAvailable();
		if (userContext != null) {
			builder.context(userContext);
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ActorLifecycle actorLifecycle(Core core, ConfigurableListableBeanFactory beanFactory,
			ActorBeanRegistrar registrar, ActorsProperties properties, Environment environment) {
		Duration phaseTimeout = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
				Duration.ofSeconds(30));
		Duration shutdown = properties.getShutdown().getTimeout();
		if (shutdown.compareTo(phaseTimeout) >= 0) {
			throw new IllegalStateException("actors.shutdown.timeout (" + shutdown + ") must be below "
					+ "spring.lifecycle.timeout-per-shutdown-phase (" + phaseTimeout + "), or the drain is cut short.");
		}
		return new ActorLifecycle(core, beanFactory, registrar, Duration.ofSeconds(60), shutdown);
	}

}
