package io.libactors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one actor, or every actor made from one template, does differently from its core: given
 * to {@link Core.Builder#actorSettings(String, ActorSettings)} under the actor's or the
 * template's name. A {@code null} part keeps the core's value. Read once, when an actor is
 * created: its mailbox keeps the capacity it started with. Immutable.
 *
 * @param mailboxCapacity the most messages its mailbox holds, 0 for unbounded
 * @param throughput the most messages it handles in one turn before other actors get the thread
 * @param askTimeout how long an ask to it waits when the asker gives no timeout
 */
public record ActorSettings(@Nullable Integer mailboxCapacity, @Nullable Integer throughput,
		@Nullable Duration askTimeout) {

	/** The core's values for everything. */
	public static final ActorSettings CORE_DEFAULTS = new ActorSettings(null, null, null);

	public ActorSettings {
		if (mailboxCapacity != null && mailboxCapacity < 0) {
			throw new IllegalArgumentException("mailboxCapacity must be 0 (unbounded) or more, but was "
					+ mailboxCapacity + ".");
		}
		if (throughput != null && throughput < 1) {
			throw new IllegalArgumentException("throughput must be positive, but was " + throughput + ".");
		}
		if (askTimeout != null && (askTimeout.isNegative() || askTimeout.isZero())) {
			throw new IllegalArgumentException("askTimeout must be positive, but was " + askTimeout + ".");
		}
	}

	/** These settings with another mailbox capacity (0 for unbounded). */
	public ActorSettings withMailboxCapacity(int capacity) {
		return new ActorSettings(capacity, this.throughput, this.askTimeout);
	}

	/** These settings with another throughput. */
	public ActorSettings withThroughput(int throughput) {
		return new ActorSettings(this.mailboxCapacity, throughput, this.askTimeout);
	}

	/** These settings with another default ask timeout. */
	public ActorSettings withAskTimeout(Duration timeout) {
		return new ActorSettings(this.mailboxCapacity, this.throughput, timeout);
	}

	/** These settings, with each part this one leaves {@code null} taken from {@code fallback}. */
	public ActorSettings orElse(ActorSettings fallback) {
		return new ActorSettings((this.mailboxCapacity != null) ? this.mailboxCapacity : fallback.mailboxCapacity,
				(this.throughput != null) ? this.throughput : fallback.throughput,
				(this.askTimeout != null) ? this.askTimeout : fallback.askTimeout);
	}

}
