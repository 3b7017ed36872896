package io.libactors;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link ActorTemplate} of an actor type. The default needs a public no-argument
 * constructor; the Spring starter makes prototype beans templates. Thread-safe.
 */
@FunctionalInterface
public interface ActorTemplates {

	/**
	 * The template for {@code type}, or {@code null} if it is not one.
	 * @param type the actor class
	 * @return the template or {@code null}
	 */
	@Nullable ActorTemplate find(Class<? extends Actor> type);

	/** Templates from public no-argument constructors; one per type, found once. */
	static ActorTemplates byConstructor() {
		ClassValue<Optional<ActorTemplate>> templates = new ClassValue<>() {

			@Override
			protected Optional<ActorTemplate> computeValue(Class<?> type) {
				return Optional.ofNullable(constructorTemplate(type));
			}

		};
		return (type) -> templates.get(type).orElse(null);
	}

	private static @Nullable ActorTemplate constructorTemplate(Class<?> type) {
		if (!Actor.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
			return null;
		}
		try {
			Constructor<?> constructor = type.getConstructor();
			constructor.setAccessible(true);
			return new ActorTemplate(type.getSimpleName(), () -> {
				try {
					return (Actor) constructor.newInstance();
				}
				catch (ReflectiveOperationException ex) {
					throw new ActorException("Cannot create " + type.getName() + ": " + ex, ex);
				}
			}, Supervision.RESUME, null);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
