package io.libactors.spring.test;

import io.libactors.SerializationCheck;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.ActorsCoreBuilderCustomizer;
import io.libactors.test.TestClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What {@link ActorTest} adds to the actors auto-configuration: a {@link TestClock} bean that
 * the core's timers, schedules and ask timeouts run on, and a JSON round trip of every message.
 */
@AutoConfiguration(before = ActorsAutoConfiguration.class)
public final class ActorTestAutoConfiguration {

	@Bean
	TestClock actorsTestClock() {
		return new TestClock();
	}

	@Bean
	ActorsCoreBuilderCustomizer actorsOnTestClock(TestClock clock) {
		return (builder) -> builder.clock(clock)
			.timerScheduler(clock)
			.serializationCheck(SerializationCheck.EVERY_MESSAGE);
	}

}
