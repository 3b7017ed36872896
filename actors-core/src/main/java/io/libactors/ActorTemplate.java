package io.libactors;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * How {@link Core#createActor(Class, String)} makes actors of one type.
 *
 * @param name the template's name (tags its actors' metrics)
 * @param factory a new instance per actor, and per restart
 * @param supervision the supervision of its actors
 * @param destroyer called with each instance that is done, or {@code null}
 */
public record ActorTemplate(String name, Supplier<? extends Actor> factory, Supervision supervision,
		@Nullable Consumer<Actor> destroyer) {
}
