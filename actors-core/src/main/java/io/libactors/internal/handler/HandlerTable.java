package io.libactors.internal.handler;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.libactors.Actor;
import io.libactors.Context;
import org.jspecify.annotations.Nullable;

/**
 * Maps a message class to the handler that takes it: its own class first, else its nearest
 * superclass, else the first handled interface found breadth-first in {@code getInterfaces()}
 * order. Immutable apart from its resolution cache; one per actor class (a reducer's: per instance); thread-safe.
 */
public final class HandlerTable {

	private static final Object NONE = new Object();

	/** The class whose handlers these are (a reducer's: {@code Reducer}). */
	public final Class<?> actorClass;

	private final Map<Class<?>, Handler> exact;

	public final Handler[] handlers;

	/** Whether the actor class overrides {@link Actor#initialize}: if not, no turn is owed for it. */
	public final boolean initializes;

	/** The name of the executor its turns run on ({@link io.libactors.Dispatcher}), or {@code null} for the core's. */
	public final @Nullable String dispatcher;

	/** Subtypes seen at run time, resolved once. Values are {@link Handler} or {@link #NONE}. */
	private final ConcurrentHashMap<Class<?>, Object> resolved = new ConcurrentHashMap<>();

	/** @param unhandled types no handler takes, whatever their supertypes (a sink's ShutdownMessage) */
	HandlerTable(Class<?> actorClass, Map<Class<?>, Handler> exact, Class<?>... unhandled) {
		for (Class<?> type : unhandled) {
			this.resolved.put(type, NONE);
		}
		this.actorClass = actorClass;
		this.exact = Map.copyOf(exact);
		this.initializes = overridesInitialize(actorClass);
		io.libactors.Dispatcher dispatcher = actorClass.getAnnotation(io.libactors.Dispatcher.class);
		this.dispatcher = (dispatcher != null) ? dispatcher.value() : null;
		this.handlers = new Handler[exact.size()];
		for (Handler handler : exact.values()) {
			this.handlers[handler.index] = handler;
			handler.table = this;
		}
	}

	private static boolean overridesInitialize(Class<?> actorClass) {
		try {
			return actorClass.getMethod("initialize", Context.class).getDeclaringClass() != Actor.class
					|| actorClass.getMethod("initializeAsync", Context.class).getDeclaringClass() != Actor.class;
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	public @Nullable Handler find(Class<?> messageClass) {
		Handler handler = this.exact.get(messageClass);
		if (handler != null) {
			return handler;
		}
		Object found = this.resolved.computeIfAbsent(messageClass, this::resolve);
		return (found != NONE) ? (Handler) found : null;
	}

	/** Whether a handler takes exactly this type. */
	public boolean handles(Class<?> type) {
		return this.exact.containsKey(type);
	}

	private Object resolve(Class<?> messageClass) {
		for (Class<?> type = messageClass.getSuperclass(); type != null; type = type.getSuperclass()) {
			Handler handler = this.exact.get(type);
			if (handler != null) {
				return handler;
			}
		}
		Deque<Class<?>> queue = new ArrayDeque<>();
		Set<Class<?>> seen = new HashSet<>();
		for (Class<?> type = messageClass; type != null; type = type.getSuperclass()) {
			Collections.addAll(queue, type.getInterfaces());
		}
		while (!queue.isEmpty()) {
			Class<?> type = queue.poll();
			if (seen.add(type)) {
				Handler handler = this.exact.get(type);
				if (handler != null) {
					return handler;
				}
				Collections.addAll(queue, type.getInterfaces());
			}
		}
		return NONE;
	}

}
