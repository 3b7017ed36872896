package io.libactors.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Spring Boot test slice for actors: only the actors auto-configuration, the
 * {@code @ActorComponent} beans (those named in {@link #value}, or all of them), the
 * application's {@code Context} subclass, Boot's JSON support (so the actors' mapper is the
 * application's), and what the test imports. The core's timers,
 * schedules and ask timeouts run on a {@link io.libactors.test.TestClock} bean the test moves,
 * and every message makes a JSON round trip. Make probes with
 * {@link io.libactors.test.TestProbe#create(io.libactors.Core)}.
 * <pre>{@code
 * @ActorTest(Reminder.class)
 * class ReminderTests {
 *     @Autowired Core core;
 *     @Autowired TestClock clock;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ActorTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ActorTypeExcludeFilter.class)
@AutoConfigureJson
@ImportAutoConfiguration
public @interface ActorTest {

	/** Properties in {@code key=value} form for the test's environment. */
	String[] properties() default {};

	/** The actor classes to start; every {@code @ActorComponent} when empty. */
	@AliasFor("actors")
	Class<?>[] value() default {};

	/** The actor classes to start; every {@code @ActorComponent} when empty. */
	@AliasFor("value")
	Class<?>[] actors() default {};

	/** Whether the default filters (actors, the context subclass) apply. */
	boolean useDefaultFilters() default true;

	/** More components to include. */
	Filter[] includeFilters() default {};

	/** Components to leave out. */
	Filter[] excludeFilters() default {};

	/** Auto-configurations to leave out. */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
