package io.libactors.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.libactors.Actor;
import io.libactors.ActorTemplate;
import io.libactors.ActorTemplates;
import io.libactors.Supervision;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Prototype {@link ActorComponent} beans as templates: each actor is a fresh bean with full
 * dependency injection, destroyed by the bean factory when the actor is done with it; other
 * types fall back to their public no-argument constructor. Thread-safe.
 */
public final class SpringActorTemplates implements ActorTemplates {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Map<Class<?>, ActorTemplate> templates = new ConcurrentHashMap<>();

	private final ActorTemplates fallback = ActorTemplates.byConstructor();

	public SpringActorTemplates(ConfigurableListableBeanFactory beanFactory, ActorBeanRegistrar registrar) {
		this.beanFactory = beanFactory;
		for (ActorBeanRegistrar.ActorDefinition definition : registrar.actors()) {
			if (definition.prototype()) {
				this.templates.put(definition.type(), template(definition.name(), definition.supervision()));
			}
		}
	}

	@Override
	public @Nullable ActorTemplate find(Class<? extends Actor> type) {
		ActorTemplate template = this.templates.get(type);
		return (template != null) ? template : this.fallback.find(type);
	}

	private ActorTemplate template(String beanName, Supervision supervision) {
		return new ActorTemplate(beanName, () -> (Actor) this.beanFactory.getBean(beanName), supervision,
				this.beanFactory::destroyBean);
	}

}
