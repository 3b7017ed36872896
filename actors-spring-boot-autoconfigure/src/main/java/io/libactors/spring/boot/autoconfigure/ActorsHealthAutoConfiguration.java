package io.libactors.spring.boot.autoconfigure;

import java.time.Clock;

import io.libactors.Core;
import io.libactors.spring.actuate.ActorsHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code actors} health contributor, where Boot's health support is present. It is an
 * {@code ActorMonitor} bean, which the core picks up when it is built.
 */
@AutoConfiguration(before = ActorsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public final class ActorsHealthAutoConfiguration {

	/** Nested: its condition's class exists only where the outer condition holds. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("actors")
	@EnableConfigurationProperties(ActorsProperties.class)
	static class IndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorsHealthIndicator actorsHealthIndicator(ObjectProvider<Core> core, ActorsProperties properties) {
			return new ActorsHealthIndicator(core, properties.getStuckThreshold(),
					properties.getHealth().getFailureWindow(), Clock.systemUTC());
		}

	}

}
