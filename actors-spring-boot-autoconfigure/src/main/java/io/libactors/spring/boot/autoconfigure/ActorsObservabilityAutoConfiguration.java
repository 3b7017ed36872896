package io.libactors.spring.boot.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import io.libactors.Core;
import io.libactors.spring.actuate.ActorMeters;
import io.libactors.spring.actuate.ActorsHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monitors the core reports to: Micrometer meters where a {@link MeterRegistry} exists, and
 * the {@code actors} health contributor where Boot's health support is present. Both are
 * {@code ActorMonitor} beans, which the core picks up when it is built.
 */
@AutoConfiguration(before = ActorsAutoConfiguration.class, after = { MetricsAutoConfiguration.class,
		SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
public final class ActorsObservabilityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorMeters actorMeters(MeterRegistry registry) {
			return new ActorMeters(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("actors")
	@EnableConfigurationProperties(ActorsProperties.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorsHealthIndicator actorsHealthIndicator(ObjectProvider<Core> core, ActorsProperties properties) {
			return new ActorsHealthIndicator(core, properties.getStuckThreshold(),
					properties.getHealth().getFailureWindow(), Clock.systemUTC());
		}

	}

}
