package io.libactors.spring.boot.autoconfigure.dashboard;

import java.time.Duration;

import io.libactors.Core;
import io.libactors.spring.SpringTimerScheduler;
import io.libactors.spring.boot.autoconfigure.ActorsProperties;
import io.libactors.spring.boot.autoconfigure.endpoint.ActorsEndpointAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.endpoint.ClusterSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * The {@code actorsdashboard} endpoint and the history it draws, where actuator is present and
 * the application has granted the endpoint access and exposed it (it is off by default).
 */
@AutoConfiguration(after = ActorsEndpointAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
@ConditionalOnBean(Core.class)
public final class ActorsDashboardAutoConfiguration {

	/** Nested: its condition's class exists only where the outer condition holds. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(ActorsDashboardEndpoint.class)
	@ImportRuntimeHints(DashboardRuntimeHints.class)
	static class DashboardConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DashboardHistory actorsDashboardHistory(Core core, SpringTimerScheduler timers, ActorsProperties properties) {
			ActorsProperties.Dashboard dashboard = properties.getDashboard();
			Duration interval = dashboard.getSampleInterval();
			if (interval.toMillis() < 1) {
				throw new InvalidConfigurationPropertyValueException("actors.dashboard.sample-interval", interval,
						"The dashboard samples at least every millisecond apart; give a positive duration such as 2s.");
			}
			return new DashboardHistory(core, timers, dashboard.getSampleInterval(), dashboard.getHistory());
		}

		@Bean
		@ConditionalOnMissingBean
		ActorsDashboardEndpoint actorsDashboardEndpoint(Core core, DashboardHistory history,
				ActorsProperties properties, ObjectProvider<ClusterSection> cluster) {
			return new ActorsDashboardEndpoint(core, history, properties.getStuckThreshold(), cluster.getIfUnique());
		}

	}

}
