package io.libactors;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * The logging context of a turn: {@code actor} for the turn, {@code messageType} and
 * {@code envelopeId} for each message. Each turn restores what the thread's MDC held before,
 * so nothing leaks into the next task of a pooled thread. Without an MDC-capable SLF4J binding
 * it does nothing.
 */
final class Mdc {

	static final String ACTOR = "actor";

	static final String MESSAGE_TYPE = "messageType";

	static final String ENVELOPE_ID = "envelopeId";

	private static final Scope NONE = new Scope(null);

	private final boolean enabled = !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);

	Scope enter(String actor) {
		return this.enabled ? new Scope(actor) : NONE;
	}

	static void restore(String key, @Nullable String previous) {
		if (previous == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, previous);
		}
	}

	/** One turn's MDC keys, with the values they replaced. */
	static final class Scope implements AutoCloseable {

		private final boolean active;

		private @Nullable String previousActor;

		private @Nullable String previousType;

		private @Nullable String previousId;

		Scope(@Nullable String actor) {
			this.active = actor != null;
			if (this.active) {
				this.previousActor = MDC.get(ACTOR);
				this.previousType = MDC.get(MESSAGE_TYPE);
				this.previousId = MDC.get(ENVELOPE_ID);
				MDC.put(ACTOR, actor);
			}
		}

		void message(String type, Node node, ActorCell cell) {
			if (this.active) {
				MDC.put(MESSAGE_TYPE, type);
				MDC.put(ENVELOPE_ID, cell.core.envelopeId(node));
			}
		}

		@Override
		public void close() {
			if (this.active) {
				restore(ACTOR, this.previousActor);
				restore(MESSAGE_TYPE, this.previousType);
				restore(ENVELOPE_ID, this.previousId);
			}
		}

	}

}
