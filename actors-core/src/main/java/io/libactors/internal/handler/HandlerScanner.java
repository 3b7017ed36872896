package io.libactors.internal.handler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.libactors.Context;
import io.libactors.DuplicateHandlerException;
import io.libactors.HandlerRegistrationException;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.MessageSink;
import io.libactors.Reducer;
import io.libactors.ShutdownMessage;

/**
 * Finds the {@link MessageHandler} methods of an actor class (its superclasses and interfaces
 * included), validates the whole class, and builds its {@link HandlerTable}. Tables are cached per
 * class. Thread-safe.
 */
public final class HandlerScanner {

	private static final MethodType INVOKER_TYPE = MethodType.methodType(Object.class, Object.class, Object.class,
			Object.class);

	private static final ClassValue<HandlerTable> TABLES = new ClassValue<>() {
		@Override
		protected HandlerTable computeValue(Class<?> type) {
			return scan(type);
		}
	};

	private HandlerScanner() {
	}

	/**
	 * The table of an actor class.
	 * @throws HandlerRegistrationException naming the class, method and fix
	 */
	static HandlerTable tableFor(Class<?> actorClass) {
		return TABLES.get(actorClass);
	}

	/**
	 * The table of one {@link Reducer}: a handler per message type it takes, each calling its
	 * functions. Made per instance, as reducers of one class take different types.
	 */
	static HandlerTable tableFor(Reducer<?> reducer) {
		Method dispatch;
		MethodHandle invoker;
		try {
			dispatch = Reducer.class.getDeclaredMethod("dispatch", Object.class, Object.class, Object.class);
			dispatch.setAccessible(true);
			invoker = MethodHandles.lookup().unreflect(dispatch).asType(INVOKER_TYPE);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		Map<Class<?>, Handler> handlers = new LinkedHashMap<>();
		for (Class<?> messageType : reducer.handledTypes()) {
			checkMessageType("Reducer for " + messageType.getSimpleName(), messageType);
			handlers.put(messageType, new Handler(messageType, handlers.size(), invoker, dispatch, Context.class));
		}
		return new HandlerTable(Reducer.class, handlers);
	}

	private static HandlerTable scan(Class<?> actorClass) {
		String actorName = actorClass.getSimpleName();
		if (MessageSink.class.isAssignableFrom(actorClass)) {
			return sinkTable(actorClass);
		}
		Map<Class<?>, Handler> handlers = new LinkedHashMap<>();
		for (Method method : handlerMethods(actorClass)) {
			Class<?>[] parameters = method.getParameterTypes();
			String where = actorName + "." + method.getName() + "(" + Arrays.stream(parameters)
				.map(Class::getSimpleName)
				.collect(Collectors.joining(", ")) + ")";
			if (Modifier.isStatic(method.getModifiers())) {
				throw new HandlerRegistrationException("@MessageHandler method " + where + " is static.",
						"Make it an instance method of " + actorName + ".");
			}
			if (parameters.length < 1 || parameters.length > 2
					|| (parameters.length == 2 && !Context.class.isAssignableFrom(parameters[0]))) {
				throw new HandlerRegistrationException(
						"@MessageHandler method " + where + " has a wrong parameter list.",
						"Declare it as (SomeMessage) or (Context, SomeMessage), where Context may be a subclass.");
			}
			Class<?> messageType = parameters[parameters.length - 1];
			checkMessageType(where, messageType);
			Handler handler = new Handler(messageType, handlers.size(), invoker(method),
					method, (parameters.length == 2) ? parameters[0] : Context.class);
			Handler previous = handlers.putIfAbsent(messageType, handler);
			if (previous != null) {
				throw new DuplicateHandlerException(actorName, messageType.getSimpleName(), previous.method.getName(),
						method.getName());
			}
		}
		return new HandlerTable(actorClass, handlers);
	}

	/** One handler for every message, calling {@link MessageSink#receive}; no other handler allowed. */
	private static HandlerTable sinkTable(Class<?> actorClass) {
		List<Method> declared = handlerMethods(actorClass);
		if (!declared.isEmpty()) {
			throw new HandlerRegistrationException(actorClass.getSimpleName() + " is a MessageSink and declares "
					+ "@MessageHandler " + declared.get(0).getName() + ": a sink takes every message in receive.",
					"Remove the @MessageHandler methods, or do not implement MessageSink.");
		}
		Method receive;
		try {
			receive = MessageSink.class.getMethod("receive", Context.class, Message.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		Map<Class<?>, Handler> handlers = new LinkedHashMap<>();
		handlers.put(Message.class, new Handler(Message.class, 0, invoker(receive), receive, Context.class));
		return new HandlerTable(actorClass, handlers, ShutdownMessage.class);
	}

	private static void checkMessageType(String where, Class<?> type) {
		if (type == Message.class || type == Object.class || !Message.class.isAssignableFrom(type)) {
			throw new HandlerRegistrationException(
					"@MessageHandler method " + where + " takes " + type.getName() + ", which is not a concrete "
							+ "Message type.",
					"Take a record (or final class) that implements io.libactors.Message.");
		}
		if (type.isInterface() && !type.isAnnotationPresent(JsonTypeInfo.class)) {
			throw new HandlerRegistrationException(
					"@MessageHandler method " + where + " takes the interface " + type.getSimpleName()
							+ ", which has no @JsonTypeInfo, so its messages cannot be read back from JSON.",
					"Annotate " + type.getSimpleName() + " with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes, "
							+ "or take a concrete record instead.");
		}
	}

	/**
	 * The methods that run for each annotated method in the hierarchy: an override counts as the
	 * same handler whether or not it repeats the annotation.
	 */
	private static List<Method> handlerMethods(Class<?> actorClass) {
		Set<Method> found = new LinkedHashSet<>();
		for (Class<?> type : hierarchy(actorClass)) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(MessageHandler.class) && !method.isBridge()
						&& !method.isSynthetic()) {
					found.add(implementation(actorClass, method));
				}
			}
		}
		return new ArrayList<>(found);
	}

	/** The class, its superclasses, then its interfaces breadth-first. */
	private static List<Class<?>> hierarchy(Class<?> actorClass) {
		List<Class<?>> types = new ArrayList<>();
		Deque<Class<?>> interfaces = new ArrayDeque<>();
		for (Class<?> type = actorClass; type != null && type != Object.class; type = type.getSuperclass()) {
			types.add(type);
			interfaces.addAll(Arrays.asList(type.getInterfaces()));
		}
		Set<Class<?>> seen = new HashSet<>();
		while (!interfaces.isEmpty()) {
			Class<?> type = interfaces.poll();
			if (seen.add(type)) {
				types.add(type);
				interfaces.addAll(Arrays.asList(type.getInterfaces()));
			}
		}
		return types;
	}

	private static Method implementation(Class<?> actorClass, Method declared) {
		if (Modifier.isPrivate(declared.getModifiers()) || Modifier.isStatic(declared.getModifiers())) {
			return declared;
		}
		for (Class<?> type = actorClass; type != null; type = type.getSuperclass()) {
			try {
				Method candidate = type.getDeclaredMethod(declared.getName(), declared.getParameterTypes());
				if (!Modifier.isAbstract(candidate.getModifiers()) && !Modifier.isPrivate(candidate.getModifiers())) {
					return candidate;
				}
			}
			catch (NoSuchMethodException ex) {
				// not declared here; look further up
			}
		}
		try {
			Method inherited = actorClass.getMethod(declared.getName(), declared.getParameterTypes());
			if (!Modifier.isAbstract(inherited.getModifiers())) {
				return inherited;
			}
		}
		catch (NoSuchMethodException ex) {
			// a non-public interface method: use the declared one
		}
		return declared;
	}

	private static MethodHandle invoker(Method method) {
		try {
			method.setAccessible(true);
			MethodHandle handle = MethodHandles.lookup().unreflect(method);
			if (method.getParameterCount() == 1) {
				handle = MethodHandles.dropArguments(handle, 1, Context.class);
			}
			return handle.asType(INVOKER_TYPE);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new HandlerRegistrationException(
					"@MessageHandler method " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
							+ " cannot be invoked: " + ex.getMessage() + ".",
					"Make the method and its class accessible (not in a closed module).", ex);
		}
	}

}
