package io.libactors.internal;

import java.util.concurrent.Flow;

import io.libactors.ActorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to an actor's states, queued like a message so that the turn reads the
 * current state: an actor's state is only ever read in its own turn.
 */
final class StateRequestNode extends Node {

	private static final Logger logger = LoggerFactory.getLogger(StateRequestNode.class);

	final Flow.Subscriber<?> subscriber;

	final Class<?> type;

	StateRequestNode(Flow.Subscriber<?> subscriber, Class<?> type) {
		super(null, null, null, null);
		this.subscriber = subscriber;
		this.type = type;
	}

	/** Signals the subscriber that there is nothing to observe. */
	void refuse(ActorException reason) {
		refuse(this.subscriber, reason);
	}

	/** Signals the refusal; a subscriber that throws meanwhile is logged, never propagated. */
	static void refuse(Flow.Subscriber<?> subscriber, ActorException reason) {
		try {
			subscriber.onSubscribe(new Flow.Subscription() {

				@Override
				public void request(long n) {
				}

				@Override
				public void cancel() {
				}

			});
			subscriber.onError(reason);
		}
		catch (Throwable ex) {
			logger.warn("A subscriber refused with '{}' threw: {}", reason.getMessage(), ex.getClass().getName());
		}
	}

}
