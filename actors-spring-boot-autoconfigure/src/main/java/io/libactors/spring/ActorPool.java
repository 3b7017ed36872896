package io.libactors.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.libactors.Routing;

/**
 * On an {@link ActorComponent}: the bean is the template of a pool of {@link #size()} actors
 * (its definition becomes a prototype) named {@code <name>-1}, {@code <name>-2}, ..., made when
 * the pool bean is first needed, and the bean {@code <name>.pool}, a {@link io.libactors.Pool}
 * qualified with the bean name, routes to them: inject {@code @Qualifier("name") Pool<X>} or
 * {@code ActorProxy<X>}. With {@code CONSISTENT_HASH}, messages name their key through
 * {@link Routing.Keyed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActorPool {

	/** How many members, at least 1. */
	int size();

	/** How each message picks its member. */
	Routing.Kind routing() default Routing.Kind.ROUND_ROBIN;

}
