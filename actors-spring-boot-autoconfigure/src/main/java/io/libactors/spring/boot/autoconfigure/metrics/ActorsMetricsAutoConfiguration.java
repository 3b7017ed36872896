package io.libactors.spring.boot.autoconfigure.metrics;

import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The actors' Micrometer meters, where a {@link MeterRegistry} exists: after the core and the
 * registry. {@link ActorMeters} is an {@code ActorMonitor} bean, attached to the core before the
 * singleton actors start.
 */
@AutoConfiguration(after = ActorsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBean({ Core.class, MeterRegistry.class })
public final class ActorsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorMeters actorMeters(MeterRegistry registry) {
		return new ActorMeters(registry);
	}

}
