package io.libactors.spring.aot;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.libactors.Actor;
import io.libactors.ActorInfo;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.StatefulActor;
import io.libactors.spring.ActorComponent;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What a native image must keep for the actors of an application, registered at its
 * ahead-of-time processing: each {@link ActorComponent} class with its handler methods (called
 * reflectively), and for JSON (the envelope codec, the serialization check, the cluster, the
 * actuator) the message types they take, the replies they return, the states they keep, and the
 * endpoint's answer.
 */
final class ActorRuntimeHints implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> actors = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null && Actor.class.isAssignableFrom(type)
					&& AnnotatedElementUtils.hasAnnotation(type, ActorComponent.class)) {
				actors.add(type);
			}
		}
		if (actors.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints().reflection(), actors);
	}

	static void register(ReflectionHints hints, Set<Class<?>> actors) {
		Set<Type> bound = new LinkedHashSet<>();
		bound.add(ActorInfo.class);
		bound.add(io.libactors.spring.boot.autoconfigure.endpoint.ActorsEndpoint.ActorsReport.class);
		for (Class<?> actor : actors) {
			hints.registerType(actor, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
					MemberCategory.INVOKE_PUBLIC_METHODS);
			ReflectionUtils.doWithMethods(actor, (method) -> {
				for (Class<?> parameter : method.getParameterTypes()) {
					if (Message.class.isAssignableFrom(parameter)) {
						bound.add(parameter);
					}
				}
				bound.add(replyOf(method));
			}, (method) -> method.isAnnotationPresent(MessageHandler.class));
			if (StatefulActor.class.isAssignableFrom(actor)) {
				bound.add(stateOf(actor));
			}
		}
		bound.remove(void.class);
		bound.remove(Void.class);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints, bound.toArray(Type[]::new));
	}

	/** What {@code state()} declares: getMethod picks the most specific return type over a bridge's. */
	private static Type stateOf(Class<?> actor) {
		try {
			return actor.getMethod("state").getGenericReturnType();
		}
		catch (NoSuchMethodException ex) {
			return Object.class;
		}
	}

	/** The reply a handler gives: what its stage completes with, for one that returns a stage. */
	private static Type replyOf(Method method) {
		Type reply = method.getGenericReturnType();
		if (reply instanceof ParameterizedType stage && stage.getRawType() instanceof Class<?> raw
				&& CompletionStage.class.isAssignableFrom(raw)) {
			return stage.getActualTypeArguments()[0];
		}
		return reply;
	}

}
