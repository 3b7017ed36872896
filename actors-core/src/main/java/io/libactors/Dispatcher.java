package io.libactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an actor class: its turns run on the executor of this name instead of the core's
 * dispatcher, for an actor that blocks (JDBC, files) while the rest stay on the dispatcher.
 * {@value #VIRTUAL} is built in (a virtual thread per turn on Java 21+, the core's dispatcher
 * before, with a warning); other names come from {@code Core.builder().dispatchers(...)}, in
 * Spring the {@code Executor} bean of that name. An unknown name is refused when the first
 * actor of the class is created. One message at a time still holds, whatever the executor.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Dispatcher {

	/** The built-in executor of virtual threads. */
	String VIRTUAL = "virtual";

	/** The executor's name. */
	String value();

}
