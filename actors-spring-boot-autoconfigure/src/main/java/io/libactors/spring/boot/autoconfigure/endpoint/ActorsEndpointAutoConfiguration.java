package io.libactors.spring.boot.autoconfigure.endpoint;

import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code actors} actuator endpoint, where actuator is present and the endpoint exposed. */
@AutoConfiguration(after = ActorsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
@ConditionalOnBean(Core.class)
public final class ActorsEndpointAutoConfiguration {

	/** Nested: its condition's class exists only where the outer condition holds. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(ActorsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorsEndpoint actorsEndpoint(Core core, ObjectProvider<ClusterSection> cluster) {
			return new ActorsEndpoint(core, cluster.getIfUnique());
		}

	}

}
