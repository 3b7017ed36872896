package io.libactors;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * An observable actor built from functions instead of handler methods:
 * <pre>{@code
 * Reducer<Long> counter = Reducer.initial(0L)
 *     .on(Add.class, (total, add) -> total + add.amount())
 *     .reply(GetTotal.class, (total, get) -> total);
 * core.createActor("counter", counter);
 * }</pre>
 * For a message type with both, the state changes first and {@code reply} sees the new state.
 * Build it on one thread and hand it to {@code createActor}; from then on it runs like any
 * actor, one message at a time, and its states can be watched with
 * {@link ActorProxy#states(Class)}. States should be immutable values.
 *
 * @param <S> the state's type
 */
public final class Reducer<S> implements StatefulActor<S> {

	private S state;

	private final Map<Class<?>, BiFunction<S, Object, S>> reducers = new LinkedHashMap<>();

	private final Map<Class<?>, BiFunction<S, Object, ?>> replies = new LinkedHashMap<>();

	private Reducer(S state) {
		this.state = state;
	}

	/** A reducer starting from {@code state}. */
	public static <S> Reducer<S> initial(S state) {
		return new Reducer<>(Objects.requireNonNull(state, "initial state must not be null"));
	}

	/** On a message of {@code type}, the state becomes what {@code reducer} returns. */
	@SuppressWarnings("unchecked")
	public <M extends Message> Reducer<S> on(Class<M> type, BiFunction<? super S, ? super M, ? extends S> reducer) {
		check(type, reducer, this.reducers.keySet(), "on");
		this.reducers.put(type, (state, message) -> reducer.apply(state, (M) message));
		return this;
	}

	/** A message of {@code type} is answered with what {@code reply} returns (the reply to an ask). */
	@SuppressWarnings("unchecked")
	public <M extends Message, R> Reducer<S> reply(Class<M> type, BiFunction<? super S, ? super M, ? extends R> reply) {
		check(type, reply, this.replies.keySet(), "reply");
		this.replies.put(type, (state, message) -> reply.apply(state, (M) message));
		return this;
	}

	@Override
	public S state() {
		return this.state;
	}

	/** The message types this reducer takes. */
	public Set<Class<?>> handledTypes() {
		Set<Class<?>> types = new LinkedHashSet<>(this.reducers.keySet());
		types.addAll(this.replies.keySet());
		return types;
	}

	/** What every handler of a reducer calls: {@code (actor, context, message) -> reply}. */
	static @Nullable Object dispatch(Object actor, Object context, Object message) {
		return ((Reducer<?>) actor).handle((Message) message);
	}

	private @Nullable Object handle(Message message) {
		Class<?> type = message.getClass();
		BiFunction<S, Object, S> reducer = this.reducers.get(type);
		if (reducer != null) {
			this.state = Objects.requireNonNull(reducer.apply(this.state, message),
					() -> "The reducer of " + type.getSimpleName() + " returned a null state.");
		}
		BiFunction<S, Object, ?> reply = this.replies.get(type);
		return (reply != null) ? reply.apply(this.state, message) : null;
	}

	private static void check(Class<?> type, Object function, Set<Class<?>> taken, String what) {
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(function, what + " function must not be null");
		if (taken.contains(type)) {
			throw new IllegalArgumentException("Reducer already has a function for " + what + "("
					+ type.getSimpleName() + ".class, ...); give each message type one.");
		}
	}

}
