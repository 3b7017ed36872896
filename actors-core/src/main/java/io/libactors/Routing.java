package io.libactors;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link Pool} picks the member for each message. Immutable.
 *
 * @param kind the rule
 * @param key for {@link Kind#CONSISTENT_HASH}, what a message is routed by; {@code null} for
 * messages that are {@link Keyed}
 */
public record Routing(Kind kind, @Nullable Function<? super Message, ?> key) {

	public Routing {
		Objects.requireNonNull(kind, "kind must not be null");
	}

	/** The rules. */
	public enum Kind {

		/** Each member in turn. */
		ROUND_ROBIN,

		/** A member at random. */
		RANDOM,

		/** Every member gets every {@code tell}; an {@code ask} is refused (ask one member). */
		BROADCAST,

		/**
		 * The member with the least to do (messages waiting, and one more while it handles one),
		 * an idle one first; counting a member's mailbox takes time proportional to what waits in it.
		 */
		SMALLEST_MAILBOX,

		/**
		 * The member a message's key maps to, the same for the same key while the pool keeps its
		 * size; a resize moves only the keys of the members added or removed (rendezvous hashing).
		 */
		CONSISTENT_HASH

	}

	/** A message that names its own key for {@link Kind#CONSISTENT_HASH}. */
	public interface Keyed {

		/** The key: messages with equal keys go to the same member. */
		Object routingKey();

	}

	public static Routing roundRobin() {
		return new Routing(Kind.ROUND_ROBIN, null);
	}

	public static Routing random() {
		return new Routing(Kind.RANDOM, null);
	}

	public static Routing broadcast() {
		return new Routing(Kind.BROADCAST, null);
	}

	public static Routing smallestMailbox() {
		return new Routing(Kind.SMALLEST_MAILBOX, null);
	}

	/** By the key {@code key} gives each message. */
	public static Routing consistentHash(Function<? super Message, ?> key) {
		return new Routing(Kind.CONSISTENT_HASH, Objects.requireNonNull(key, "key must not be null"));
	}

	/** By {@link Keyed#routingKey()}: a message that is not {@code Keyed} is refused at the send. */
	public static Routing consistentHash() {
		return new Routing(Kind.CONSISTENT_HASH, null);
	}

}
