package io.libactors.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import io.libactors.spring.actuate.ActorMeters;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The actors' Micrometer meters, where a {@link MeterRegistry} exists. {@link ActorMeters} is an
 * {@code ActorMonitor} bean, which the core picks up when it is built.
 */
@AutoConfiguration(before = ActorsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBean(MeterRegistry.class)
public final class ActorsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorMeters actorMeters(MeterRegistry registry) {
		return new ActorMeters(registry);
	}

}
