package io.libactors.internal;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * The logging context of a turn: {@code actor} for the turn, {@code messageType} and
 * {@code envelopeId} for each message. On any thread but the core's own dispatcher threads a
 * turn restores the three keys to what they were. A dispatcher thread runs nothing but turns:
 * there the keys stay for the next turn to overwrite (a put is skipped when the value is already
 * there), and the message keys are cleared before anything that is not a message (an
 * {@code initialize}). Without an MDC-capable SLF4J binding it does nothing.
 */
final class Mdc {

	static final String ACTOR = "actor";

	static final String MESSAGE_TYPE = "messageType";

	static final String ENVELOPE_ID = "envelopeId";

	private static final Scope NONE = new Scope(null, null);

	private static final boolean enabled = !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);

	Scope enter(String actor) {
		if (!enabled) {
			return NONE;
		}
		if (Thread.currentThread() instanceof DispatcherThread dispatcher) {
			// one scope per dispatcher thread: it restores nothing, so a turn need not make its own
			Scope scope = dispatcher.mdcScope;
			if (scope == null) {
				scope = new Scope(null, dispatcher);
				dispatcher.mdcScope = scope;
			}
			scope.actor(actor);
			return scope;
		}
		return new Scope(actor, null);
	}

	/** Sets the keys for a message the runtime hands over itself, without an envelope id. */
	static void runtimeMessage(String type) {
		if (!enabled) {
			return;
		}
		MDC.put(MESSAGE_TYPE, type);
		MDC.remove(ENVELOPE_ID);
		if (Thread.currentThread() instanceof DispatcherThread dispatcher) {
			dispatcher.mdcType = type;
		}
	}

	static void restore(String key, @Nullable String previous) {
		if (previous == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, previous);
		}
	}

	/** One turn's MDC keys, with the values they replaced on a foreign thread. */
	static final class Scope implements AutoCloseable {

		private final boolean active;

		private final @Nullable DispatcherThread own;

		private @Nullable String previousActor;

		private @Nullable String previousType;

		private @Nullable String previousId;

		/** A foreign thread's scope, for {@code actor}; or a dispatcher thread's own, for all its turns. */
		Scope(@Nullable String actor, @Nullable DispatcherThread own) {
			this.active = actor != null || own != null;
			this.own = own;
			if (actor != null && own == null) {
				this.previousActor = MDC.get(ACTOR);
				this.previousType = MDC.get(MESSAGE_TYPE);
				this.previousId = MDC.get(ENVELOPE_ID);
				MDC.put(ACTOR, actor);
			}
		}

		/** A dispatcher thread's scope takes the next turn's actor. */
		private void actor(String actor) {
			DispatcherThread own = Objects.requireNonNull(this.own);
			if (!actor.equals(own.mdcActor)) {
				MDC.put(ACTOR, actor);
				own.mdcActor = actor;
			}
		}

		/** Sets the keys of the message about to be handled. */
		void message(String type, Node node, ActorCell cell) {
			if (!this.active) {
				return;
			}
			if (this.own == null) {
				MDC.put(MESSAGE_TYPE, type);
			}
			else if (type != this.own.mdcType) {
				MDC.put(MESSAGE_TYPE, type);
				this.own.mdcType = type;
			}
			MDC.put(ENVELOPE_ID, cell.kernel.envelopeId(node));
		}

		/** Removes the message keys before work that handles no message. */
		void noMessage() {
			if (this.active && (this.own == null || this.own.mdcType != null)) {
				MDC.remove(MESSAGE_TYPE);
				MDC.remove(ENVELOPE_ID);
				if (this.own != null) {
					this.own.mdcType = null;
				}
			}
		}

		@Override
		public void close() {
			if (this.active && this.own == null) {
				restore(ACTOR, this.previousActor);
				restore(MESSAGE_TYPE, this.previousType);
				restore(ENVELOPE_ID, this.previousId);
			}
		}

	}

}
