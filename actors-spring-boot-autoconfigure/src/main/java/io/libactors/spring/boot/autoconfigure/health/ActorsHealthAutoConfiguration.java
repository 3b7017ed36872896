package io.libactors.spring.boot.autoconfigure.health;

import java.time.Clock;

import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.ActorsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code actors} health contributor, where Boot's health support is present: after the
 * core, which it watches; as an {@code ActorMonitor} bean it is attached to the core before the
 * singleton actors start.
 */
@AutoConfiguration(after = ActorsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(Core.class)
public final class ActorsHealthAutoConfiguration {

	/** Nested: its condition's class exists only where the outer condition holds. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("actors")
	static class IndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorsHealthIndicator actorsHealthIndicator(Core core, ActorsProperties properties) {
			return new ActorsHealthIndicator(core, properties.getStuckThreshold(),
					properties.getHealth().getFailureWindow(), Clock.systemUTC());
		}

	}

}
