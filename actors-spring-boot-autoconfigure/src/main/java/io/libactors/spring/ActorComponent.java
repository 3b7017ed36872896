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
 * for {@code core.createActor(Type.class, name)}. The bean name is the actor name. The settings
 * below apply to the actor, or to every actor made from the template; a property
 * {@code actors.actor.<name>.*} of the same name wins over them.
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

	/** The most messages its mailbox holds, 0 for unbounded; -1 (the default) for {@code actors.mailbox.capacity}. */
	int mailboxCapacity() default -1;

	/** The most messages it handles in one turn; -1 (the default) for {@code actors.dispatcher.throughput}. */
	int throughput() default -1;

	/**
	 * How long an ask to it waits when the asker gives no timeout, as a property is written
	 * ({@code "2s"}, {@code "500ms"}, {@code "PT1M"}); empty (the default) for {@code actors.ask-timeout}.
	 */
	String askTimeout() default "";

}
