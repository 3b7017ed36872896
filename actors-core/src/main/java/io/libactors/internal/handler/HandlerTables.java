package io.libactors.internal.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.HandlerRegistrationException;
import io.libactors.Message;
import io.libactors.Reducer;
import io.libactors.SerializationCheck;
import io.libactors.internal.observe.LatencyHistogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler tables of one core: each actor class's table, scanned once and checked against
 * this core (its context type, the JSON check of its message types), and the message types its
 * actors handle by simple name, which envelopes and metrics name types by.
 * <p>
 * Threading: any thread; a table is built at most a few times in a race and one is kept.
 */
public final class HandlerTables {

	private final Supplier<Context> context;

	private final SerializationCheck serializationCheck;

	private final MessageTypeCheck messageTypeCheck;

	/** Checks that a table's dispatcher name is one the core has. */
	private final Consumer<HandlerTable> dispatcherCheck;

	private final ConcurrentHashMap<Class<?>, HandlerTable> tables = new ConcurrentHashMap<>();

	/**
	 * Latencies by actor class and message type, for this core only: by class, not by handler, so
	 * that reducers (a table each) share theirs too.
	 */
	private final ConcurrentHashMap<LatencyKey, LatencyHistogram> latencies = new ConcurrentHashMap<>();

	private record LatencyKey(Class<?> actorClass, Class<?> messageType) {
	}

	/**
	 * Simple name to the message type of that name, for {@link io.libactors.EnvelopeCodec}: every type a
	 * registered actor handles, except the framework's own (registration refuses a second type
	 * of one name).
	 */
	private final ConcurrentHashMap<String, Class<? extends Message>> messageTypes = new ConcurrentHashMap<>();

	/**
	 * @param context the core's context, asked for when the first table is checked
	 */
	public HandlerTables(Supplier<Context> context, SerializationCheck serializationCheck, JsonMapper jsonMapper,
			Consumer<HandlerTable> dispatcherCheck) {
		this.context = context;
		this.dispatcherCheck = dispatcherCheck;
		this.serializationCheck = serializationCheck;
		this.messageTypeCheck = new MessageTypeCheck(jsonMapper);
	}

	/** Each message type a registered actor handles, by its simple name; live. */
	public Map<String, Class<? extends Message>> messageTypes() {
		return this.messageTypes;
	}

	/**
	 * The latencies of one message type's handler across every actor of a class in this core, made
	 * when the first of them handles that type; any thread.
	 */
	public LatencyHistogram latency(Class<?> actorClass, Class<?> messageType) {
		return this.latencies.computeIfAbsent(new LatencyKey(actorClass, messageType),
				(key) -> new LatencyHistogram());
	}

	/** The validated table of an actor class for this core: its handlers, contexts, JSON. */
	public HandlerTable tableFor(Class<?> actorClass) {
		HandlerTable table = this.tables.get(actorClass);
		if (table != null) {
			return table;
		}
		table = validated(HandlerScanner.tableFor(actorClass));
		this.tables.put(actorClass, table);
		return table;
	}

	/** The table of one actor instance: its class's, or a reducer's own. */
	public HandlerTable tableOf(Actor actor) {
		return (actor instanceof Reducer<?> reducer) ? validated(HandlerScanner.tableFor(reducer))
				: tableFor(actor.getClass());
	}

	/** Checks a table's contexts and message types, and registers its types for the codec. */
	private HandlerTable validated(HandlerTable table) {
		this.dispatcherCheck.accept(table);
		for (Handler handler : table.handlers) {
			if (!handler.contextType.isInstance(this.context.get())) {
				throw new HandlerRegistrationException(
						handler.describe() + " takes a " + handler.contextType.getSimpleName()
								+ ", but this core's context is a " + this.context.get().getClass().getName() + ".",
						"Give the core a " + handler.contextType.getSimpleName()
								+ " (Spring: declare it as a bean; plain Java: Core.builder().context(...)), or take "
								+ "Context.");
			}
			if (this.serializationCheck != SerializationCheck.NONE) {
				this.messageTypeCheck.check(handler.messageType, handler.describe());
			}
		}
		// Types are named by their simple names on the wire and in metrics: one type per name.
		synchronized (this.messageTypes) {
			Map<String, Class<?>> adding = new LinkedHashMap<>();
			for (Handler handler : table.handlers) {
				if (!MessageTypeCheck.isFrameworkType(handler.messageType)) {
					Class<?> other = adding.putIfAbsent(handler.messageName, handler.messageType);
					if (other == null) {
						other = this.messageTypes.get(handler.messageName);
					}
					if (other != null && other != handler.messageType) {
						throw sharedSimpleName(handler, other);
					}
				}
			}
			for (Map.Entry<String, Class<?>> type : adding.entrySet()) {
				@SuppressWarnings("unchecked")
				Class<? extends Message> message = (Class<? extends Message>) type.getValue();
				this.messageTypes.putIfAbsent(type.getKey(), message);
			}
		}
		return table;
	}

	private static HandlerRegistrationException sharedSimpleName(Handler handler, Class<?> other) {
		return new HandlerRegistrationException(handler.describe() + " takes " + handler.messageType.getName()
				+ ", but this core's actors already handle " + other.getName() + ": both have the simple name "
				+ handler.messageName + ", which envelopes, statistics and metrics name types by.",
				"Give one of them another simple name.");
	}

}
