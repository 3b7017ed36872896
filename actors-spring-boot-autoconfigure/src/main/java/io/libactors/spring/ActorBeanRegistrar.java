package io.libactors.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.ActorSettings;
import io.libactors.Pool;
import io.libactors.Supervision;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationStyle;
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
 * Each actor's supervision and settings are its {@code @ActorComponent}'s, overridden part by
 * part by the properties {@code actors.actor.<name>.*}; a property for a name that is no actor
 * bean fails startup. Runs once, on the thread refreshing the context.
 */
public final class ActorBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	private static final String PROPERTIES = "actors.actor";

	private final List<ActorDefinition> actors = new ArrayList<>();

	private final Map<String, ActorSettings> settings;

	private final Map<String, Supervision> supervision;

	/** A registrar without properties: each actor as its annotation declares it. */
	public ActorBeanRegistrar() {
		this(Map.of(), Map.of());
	}

	/**
	 * @param settings from {@code actors.actor.<name>.*}, by bean name
	 * @param supervision from {@code actors.actor.<name>.supervision}, by bean name
	 */
	public ActorBeanRegistrar(Map<String, ActorSettings> settings, Map<String, Supervision> supervision) {
		this.settings = Map.copyOf(settings);
		this.supervision = Map.copyOf(supervision);
	}

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
			Supervision supervision = this.supervision.getOrDefault(name,
					(annotation != null) ? annotation.supervision() : Supervision.RESUME);
			ActorSettings settings = this.settings.getOrDefault(name, ActorSettings.CORE_DEFAULTS)
				.orElse(declaredSettings(type, annotation));
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
			this.actors.add(new ActorDefinition(name, type, supervision, settings, prototype));
			if (!prototype) {
				registerOnce(registry, name + ".proxy", proxyDefinition(name, type));
				if (supervision == Supervision.RESTART) {
					registerOnce(registry, ActorDefinition.restartBeanName(name), restartDefinition(definition));
				}
			}
		}
		refuseUnknownNames();
	}

	private static ActorSettings declaredSettings(Class<?> type, @Nullable ActorComponent annotation) {
		if (annotation == null) {
			return ActorSettings.CORE_DEFAULTS;
		}
		try {
			return new ActorSettings((annotation.mailboxCapacity() != -1) ? annotation.mailboxCapacity() : null,
					(annotation.throughput() != -1) ? annotation.throughput() : null,
					annotation.askTimeout().isEmpty() ? null : DurationStyle.detectAndParse(annotation.askTimeout()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidActorComponentException("@ActorComponent on " + type.getName() + " has an invalid setting: "
					+ ex.getMessage(), "Give @ActorComponent of " + type.getSimpleName() + " a mailboxCapacity of 0 "
					+ "(unbounded) or more, a throughput of 1 or more and an askTimeout such as \"2s\", or leave them out.");
		}
	}

	/** A property for an actor that does not exist would be a typo nobody notices. */
	private void refuseUnknownNames() {
		Set<String> unknown = new TreeSet<>(this.settings.keySet());
		unknown.addAll(this.supervision.keySet());
		this.actors.forEach((actor) -> unknown.remove(actor.name()));
		if (!unknown.isEmpty()) {
			String name = unknown.iterator().next();
			throw new InvalidConfigurationPropertyValueException(PROPERTIES + "." + name, name,
					"No @ActorComponent bean is named '" + name + "'; the actor beans are "
							+ this.actors.stream().map(ActorDefinition::name).toList()
							+ ". Name an actor bean (a template's name covers every actor made from it).");
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
	 * @param settings its settings, or its template's, over the core's
	 * @param prototype whether it is a template
	 */
	public record ActorDefinition(String name, Class<?> type, Supervision supervision, ActorSettings settings,
			boolean prototype) {

		/** The prototype copy of a RESTART singleton's definition, which makes its later instances. */
		public static String restartBeanName(String name) {
			return name + ".restart";
		}

	}

}
