package io.libactors;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

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

	/** Templates from public no-argument constructors. */
	static ActorTemplates byConstructor() {
		return (type) -> {
			if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
				return null;
			}
			try {
				Constructor<? extends Actor> constructor = type.getConstructor();
				constructor.setAccessible(true);
				return new ActorTemplate(type.getSimpleName(), () -> {
					try {
						return constructor.newInstance();
					}
					catch (ReflectiveOperationException ex) {
						throw new ActorException("Cannot create " + type.getName() + ": " + ex, ex);
					}
				}, Supervision.RESUME, null);
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		};
	}

}
