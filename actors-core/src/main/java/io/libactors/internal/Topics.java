package io.libactors.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.libactors.Message;
import io.libactors.internal.handler.Handler;
import org.jspecify.annotations.Nullable;

/**
 * Who handles which published type: a set of live actors per message type, made on the type's
 * first publication (an idle actor pays for none) and kept up to date as actors come and go.
 * Thread-safe.
 */
final class Topics {

	private static final ClassValue<Class<?>[]> MESSAGE_HIERARCHY = new ClassValue<>() {
		@Override
		protected Class<?>[] computeValue(Class<?> type) {
			Set<Class<?>> types = new LinkedHashSet<>();
			collect(type, types);
			return types.toArray(Class<?>[]::new);
		}

		private void collect(@Nullable Class<?> type, Set<Class<?>> types) {
			// no actor handles Message itself (a sink takes every message but subscribes to none)
			if (type != null && type != Object.class && type != Message.class && types.add(type)) {
				collect(type.getSuperclass(), types);
				for (Class<?> implemented : type.getInterfaces()) {
					collect(implemented, types);
				}
			}
		}
	};

	private final ConcurrentHashMap<Class<?>, Set<ActorCell>> subscribers = new ConcurrentHashMap<>();

	/** What the registry holds now: cells and pending names. */
	private final Supplier<? extends Iterable<Object>> registered;

	Topics(Supplier<? extends Iterable<Object>> registered) {
		this.registered = registered;
	}

	/**
	 * A new actor joins the sets of the types it handles. computeIfPresent waits for a set being
	 * built, whose scan may have missed this actor; an actor that stopped meanwhile has left the
	 * sets already (its {@link #leave} came first), so it is not added back.
	 */
	void join(ActorCell cell) {
		for (Handler handler : cell.table.handlers) {
			this.subscribers.computeIfPresent(handler.messageType, (key, set) -> {
				if (cell.state() < ActorCell.STOPPED) {
					set.add(cell);
				}
				return set;
			});
		}
	}

	/** A stopped actor leaves every set. */
	void leave(ActorCell cell) {
		for (Handler handler : cell.table.handlers) {
			this.subscribers.computeIfPresent(handler.messageType, (key, set) -> {
				set.remove(cell);
				return set;
			});
		}
	}

	/** The live actors that handle the message's type or a supertype of it, each once. */
	Collection<ActorCell> subscribersOf(Message message) {
		Class<?>[] types = MESSAGE_HIERARCHY.get(message.getClass());
		if (types.length == 1) {
			return subscribersOf(types[0]);
		}
		Set<ActorCell> cells = new LinkedHashSet<>();
		for (Class<?> type : types) {
			cells.addAll(subscribersOf(type));
		}
		return cells;
	}

	boolean hasSubscribers(Class<?> type) {
		return !subscribersOf(type).isEmpty();
	}

	/**
	 * The live actors with a handler for exactly {@code type}. Built on the first publication
	 * of the type by a scan of the live actors (other publishers wait for it), then kept up to
	 * date as actors come and go.
	 */
	private Set<ActorCell> subscribersOf(Class<?> type) {
		Set<ActorCell> cells = this.subscribers.get(type);
		if (cells != null) {
			return cells;
		}
		return this.subscribers.computeIfAbsent(type, (key) -> {
			Set<ActorCell> found = ConcurrentHashMap.newKeySet();
			for (Object value : this.registered.get()) {
				// entities never subscribe: a broadcast cannot reach those passivated
				if (value instanceof ActorCell cell && !cell.origin.entity() && cell.table.handles(key)
						&& cell.state() < ActorCell.STOPPED) {
					found.add(cell);
				}
			}
			return found;
		});
	}

}
