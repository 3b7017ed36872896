package io.libactors.spring.boot.autoconfigure;

import io.libactors.Core;
import io.libactors.spring.actuate.ActorsEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code actors} actuator endpoint, where actuator is present and the endpoint exposed. */
@AutoConfiguration(after = ActorsAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Core.class)
@ConditionalOnAvailableEndpoint(ActorsEndpoint.class)
public final class ActorsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorsEndpoint actorsEndpoint(Core core) {
		return new ActorsEndpoint(core);
	}

}
