package io.libactors.spring;

import java.util.ArrayList;
import java.util.List;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Pool;
import io.libactors.Supervision;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link ActorComponent} bean definitions before any bean is created: makes actor
 * beans non-autowirable (nothing reaches an actor except through messages), and registers for
 * each singleton an {@code ActorProxy<X>} bean named {@code <name>.proxy}, qualified with the
 * actor name. A proxy bean asks the {@link Core} for a proxy by name, so it depends on neither
 * the actor bean nor the context bean. A singleton supervised with {@code RESTART} also gets
 * {@code <name>.restart}, a prototype copy of its definition that makes its fresh instances. An
 * {@link ActorPool} bean becomes a prototype, the template of the pool bean {@code <name>.pool}.
 * Runs once, on the thread refreshing the context.
 */
public final class ActorBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	private final List<ActorDefinition> actors = new ArrayList<>();

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			Class<?> type = actorType(definition);
			if (type == null) {
				continue;
			}
			if (!Actor.class.isAssignableFrom(type)) {
				throw new InvalidActorComponentException(type.getName() + " is an @ActorComponent but does not "
						+ "implement io.libactors.Actor.", "Implement io.libactors.Actor in " + type.getSimpleName()
						+ ", or remove @ActorComponent.");
			}
			ActorComponent annotation = AnnotatedElementUtils.findMergedAnnotation(type, ActorComponent.class);
			Supervision supervision = (annotation != null) ? annotation.supervision() : Supervision.RESUME;
			if (definition instanceof AbstractBeanDefinition abstractDefinition) {
				abstractDefinition.setAutowireCandidate(false);
			}
			ActorPool pool = AnnotatedElementUtils.findMergedAnnotation(type, ActorPool.class);
			if (pool != null) {
				if (pool.size() < 1) {
					throw new InvalidActorComponentException("@ActorPool on " + type.getName() + " has size " + pool.size()
							+ ".", "Give @ActorPool a size of at least 1.");
				}
				definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
				registerOnce(registry, name + ".pool", poolDefinition(name, type, pool));
			}
			boolean prototype = definition.isPrototype();
			this.actors.add(new ActorDefinition(name, type, supervision, prototype));
			if (!prototype) {
				registerOnce(registry, name + ".proxy", proxyDefinition(name, type));
				if (supervision == Supervision.RESTART) {
					registerOnce(registry, ActorDefinition.restartBeanName(name), restartDefinition(definition));
				}
			}
		}
	}

	/** Ahead-of-time processed, the application starts with these definitions already made. */
	private static void registerOnce(BeanDefinitionRegistry registry, String name, BeanDefinition definition) {
		if (!registry.containsBeanDefinition(name)) {
			registry.registerBeanDefinition(name, definition);
		}
	}

	/** The actor beans found, in definition order. */
	public List<ActorDefinition> actors() {
		return List.copyOf(this.actors);
	}

	private static RootBeanDefinition proxyDefinition(String name, Class<?> type) {
		RootBeanDefinition definition = factoryMethod("proxy", ActorProxy.class, type, name);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		return definition;
	}

	private static RootBeanDefinition poolDefinition(String name, Class<?> type, ActorPool pool) {
		RootBeanDefinition definition = factoryMethod("pool", Pool.class, type, type, name, pool.size(), pool.routing());
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		return definition;
	}

	/** A bean made by a static method of {@link ActorBeans}: the core, autowired, then {@code arguments}. */
	private static RootBeanDefinition factoryMethod(String method, Class<?> made, Class<?> actorType,
			Object... arguments) {
		RootBeanDefinition definition = new RootBeanDefinition(ActorBeans.class);
		definition.setFactoryMethodName(method);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		for (int i = 0; i < arguments.length; i++) {
			definition.getConstructorArgumentValues().addIndexedArgumentValue(i + 1, arguments[i]);
		}
		definition.setTargetType(ResolvableType.forClassWithGenerics(made, actorType));
		return definition;
	}

	/** The singleton's own definition as a prototype: a restart gets a bean made as the first one was. */
	private static BeanDefinition restartDefinition(BeanDefinition definition) {
		GenericBeanDefinition copy = new GenericBeanDefinition(definition);
		copy.setScope(BeanDefinition.SCOPE_PROTOTYPE);
		copy.setAutowireCandidate(false);
		copy.setPrimary(false);
		return copy;
	}

	private static Class<?> actorType(BeanDefinition definition) {
		String className = definition.getBeanClassName();
		if (className == null || definition.getFactoryMethodName() != null) {
			return null;
		}
		try {
			Class<?> type = ClassUtils.forName(className, ActorBeanRegistrar.class.getClassLoader());
			return AnnotatedElementUtils.hasAnnotation(type, ActorComponent.class) ? type : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * One {@link ActorComponent} bean.
	 *
	 * @param name the bean name, which is the actor name
	 * @param type the actor class
	 * @param supervision its supervision
	 * @param prototype whether it is a template
	 */
	public record ActorDefinition(String name, Class<?> type, Supervision supervision, boolean prototype) {

		/** The prototype copy of a RESTART singleton's definition, which makes its later instances. */
		public static String restartBeanName(String name) {
			return name + ".restart";
		}

	}

}
