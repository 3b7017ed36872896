package io.libactors.spring;

import io.libactors.Core;
import io.libactors.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Hands the application's payload events that are {@link Message}s
 * ({@code publisher.publishEvent(new PriceChanged(...))}) to the actors that handle their type,
 * as {@link Core#publish} does: each in its own turn, in the order one thread published them.
 * Runs on the publishing thread and never waits for a handler. Once the actors are closing, an
 * event is not delivered (logged at debug).
 */
public final class ApplicationEventBridge implements ApplicationListener<PayloadApplicationEvent<?>> {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationEventBridge.class);

	private final Core core;

	public ApplicationEventBridge(Core core) {
		this.core = core;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<?> event) {
		if (!(event.getPayload() instanceof Message message)) {
			return;
		}
		if (this.core.isShuttingDown()) {
			logger.debug("Application event {} not delivered to actors: they are closing",
					message.getClass().getSimpleName());
			return;
		}
		this.core.publish(message);
	}

}
