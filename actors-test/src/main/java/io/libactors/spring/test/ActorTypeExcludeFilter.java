package io.libactors.spring.test;

import java.util.Set;

import io.libactors.Context;
import io.libactors.spring.ActorComponent;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Keeps the actors a test names (or every {@code @ActorComponent}) and the application's
 * {@link Context} subclass; leaves out every other scanned component.
 */
final class ActorTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ActorTest> {

	private final Set<Class<?>> actors;

	ActorTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.actors = Set.of(getAnnotation().getValue("actors", Class[].class).orElse(new Class<?>[0]));
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return this.actors.isEmpty() ? Set.of(ActorComponent.class, Context.class) : Set.of(Context.class);
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return this.actors;
	}

}
