package io.libactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link Actor} as the handler of one message type. Allowed shapes:
 * {@code (M)} or {@code (C, M)}, where {@code M} is a concrete {@link Message} type (or an
 * interface annotated with {@code @JsonTypeInfo}) and {@code C} is {@link Context} or a subclass.
 * The return value is the reply to {@code ask}; a {@code CompletionStage} holds the actor until
 * it completes.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MessageHandler {
}
