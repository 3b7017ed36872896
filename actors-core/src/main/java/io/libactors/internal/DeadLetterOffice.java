package io.libactors.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.UndeliverableMessageException;
import io.libactors.internal.observe.MonitorChain;
import io.libactors.internal.observe.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dead letters by reason, logs them at DEBUG (rate-limited, message type only) and
 * publishes each as a {@link DeadLetter} to the actors that handle that type. A dead letter
 * nobody handles is counted and never becomes another dead letter. Thread-safe.
 */
final class DeadLetterOffice {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetter.class);

	static final List<String> REASONS = List.of(DeadLetter.NO_HANDLER, DeadLetter.NO_SUCH_ACTOR,
			DeadLetter.STOPPED, DeadLetter.SHUTTING_DOWN, DeadLetter.MAILBOX_FULL, DeadLetter.SHUTDOWN_TIMEOUT);

	private final Kernel kernel;

	private final LongAdder[] counts = new LongAdder[REASONS.size()];

	private final LongAdder unhandled = new LongAdder();

	private final RateLimitedLog log = new RateLimitedLog(10, 10_000_000_000L);

	DeadLetterOffice(Kernel kernel) {
		this.kernel = kernel;
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] = new LongAdder();
		}
	}

	/** Accounts for a message that will not be handled, and fails its ask if it has one. */
	void post(Node node, String receiver, String reason) {
		Message message = node.message;
		Ask ask = node.ask;
		if (ask != null) {
			UndeliverableMessageException error = new UndeliverableMessageException("Message " + typeOf(message)
					+ " to actor '" + receiver + "' was not delivered: " + reason + ".", reason);
			// The asker's callbacks must not run as the actor whose turn noticed the dead letter.
			CurrentActor.outside(() -> ask.completeExceptionally(error));
		}
		this.counts[REASONS.indexOf(reason)].increment();
		MonitorChain monitors = this.kernel.monitors();
		if (monitors != null) {
			monitors.deadLetter(reason);
		}
		if (logger.isDebugEnabled()) {
			int held = this.log.acquire();
			if (held >= 0) {
				logger.debug("Dead letter {} to '{}': {}{}", typeOf(message), receiver, reason,
						(held > 0) ? " (" + held + " more not logged)" : "");
			}
		}
		if (message instanceof DeadLetter) {
			this.unhandled.increment();
			return;
		}
		if (this.kernel.hasSubscribers(DeadLetter.class)) {
			this.kernel.delivery.publishDeadLetter(new DeadLetter(node.envelope(this.kernel.envelopeId(node), receiver), reason));
		}
	}

	/** A published message or dead letter that no actor handles. */
	void unhandledPublication(Message message) {
		this.unhandled.increment();
		logger.debug("Published {} has no subscriber", typeOf(message));
	}

	long count(String reason) {
		return this.counts[REASONS.indexOf(reason)].sum();
	}

	long total() {
		long total = 0;
		for (LongAdder count : this.counts) {
			total += count.sum();
		}
		return total;
	}

	private static String typeOf(Message message) {
		return (message != null) ? message.getClass().getSimpleName() : "ShutdownMessage";
	}

}
