package io.libactors.spring.boot.autoconfigure.web;

import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.ActorsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actor exceptions that reach a web request unhandled become problem details:
 * {@code MailboxFullException} and {@code UndeliverableMessageException} 503 with
 * {@code Retry-After}, {@code AskTimeoutException} 504; the application's own exception
 * handlers come first. Off with {@code actors.web.problem-details=false}.
 */
@AutoConfiguration(after = ActorsAutoConfiguration.class)
@ConditionalOnBean(Core.class)
@ConditionalOnBooleanProperty(name = "actors.web.problem-details", matchIfMissing = true)
public class ActorsWebAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	static class Servlet {

		@Bean
		ActorProblemResolver actorProblemResolver(ActorsProperties properties) {
			return new ActorProblemResolver(properties.getWeb().getRetryAfter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebExceptionHandler")
	static class Reactive {

		@Bean
		ActorProblemWebExceptionHandler actorProblemWebExceptionHandler(ActorsProperties properties) {
			return new ActorProblemWebExceptionHandler(properties.getWeb().getRetryAfter());
		}

	}

}
