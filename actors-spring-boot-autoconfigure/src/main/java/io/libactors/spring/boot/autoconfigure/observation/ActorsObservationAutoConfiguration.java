package io.libactors.spring.boot.autoconfigure.observation;

import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * An observation around each handled message, continuing the sender's, where an
 * {@link ObservationRegistry} exists. {@code actors.observations.enabled} decides; unset, it is
 * on when Micrometer Tracing is on the classpath (an observation per message costs a few
 * hundred nanoseconds, worth it only when traces are kept). After the core: the
 * {@link ActorObservations} bean is attached to it as its tracer before the singleton actors
 * start.
 */
@AutoConfiguration(after = ActorsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnBean({ Core.class, ObservationRegistry.class })
@Conditional(ActorsObservationAutoConfiguration.ObservationsWanted.class)
public final class ActorsObservationAutoConfiguration {

	static final String TRACER = "io.micrometer.tracing.Tracer";

	@Bean
	@ConditionalOnMissingBean
	ActorObservations actorObservations(ObservationRegistry registry) {
		return new ActorObservations(registry);
	}

	/** The property when set, else whether Micrometer Tracing is present. */
	static final class ObservationsWanted extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Boolean enabled = context.getEnvironment().getProperty("actors.observations.enabled", Boolean.class);
			if (enabled != null) {
				return new ConditionOutcome(enabled, "actors.observations.enabled is " + enabled);
			}
			boolean tracing = ClassUtils.isPresent(TRACER, context.getClassLoader());
			return new ConditionOutcome(tracing, TRACER + (tracing ? " is" : " is not") + " on the classpath");
		}

	}

}
