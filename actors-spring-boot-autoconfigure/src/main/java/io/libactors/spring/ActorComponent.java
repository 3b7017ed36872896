package io.libactors.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.libactors.Supervision;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a class implementing {@link io.libactors.Actor} as an actor bean. A singleton is one
 * actor started with the application context; a {@code @Scope("prototype")} bean is a template
 * for {@code core.createActor(Type.class, name)}. The bean name is the actor name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
public @interface ActorComponent {

	/** The bean name, which is also the actor name. */
	@AliasFor(annotation = Component.class)
	String value() default "";

	/** What a handler's exception does to this actor. */
	Supervision supervision() default Supervision.RESUME;

}
