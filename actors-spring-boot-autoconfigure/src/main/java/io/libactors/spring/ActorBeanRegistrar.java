package io.libactors.spring;

import java.util.ArrayList;
import java.util.List;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Pool;
import io.libactors.Routing;
import io.libactors.Supervision;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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

	private BeanFactory beanFactory;

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
				registry.registerBeanDefinition(name + ".pool", poolDefinition(name, type, pool));
			}
			boolean prototype = definition.isPrototype();
			this.actors.add(new ActorDefinition(name, type, supervision, prototype));
			if (!prototype) {
				registry.registerBeanDefinition(name + ".proxy", proxyDefinition(name, type));
				if (supervision == Supervision.RESTART) {
					registry.registerBeanDefinition(ActorDefinition.restartBeanName(name), restartDefinition(definition));
				}
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** The actor beans found, in definition order. */
	public List<ActorDefinition> actors() {
		return List.copyOf(this.actors);
	}

	private RootBeanDefinition proxyDefinition(String name, Class<?> type) {
		RootBeanDefinition definition = new RootBeanDefinition(ActorProxy.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(ActorProxy.class, type));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		definition.setInstanceSupplier(() -> this.beanFactory.getBean(Core.class).proxy(name));
		return definition;
	}

	@SuppressWarnings("unchecked")
	private RootBeanDefinition poolDefinition(String name, Class<?> type, ActorPool pool) {
		RootBeanDefinition definition = new RootBeanDefinition(Pool.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(Pool.class, type));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		Routing routing = new Routing(pool.routing(), null);
		definition.setInstanceSupplier(() -> this.beanFactory.getBean(Core.class)
			.createPool((Class<? extends Actor>) type, name, pool.size(), routing));
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
