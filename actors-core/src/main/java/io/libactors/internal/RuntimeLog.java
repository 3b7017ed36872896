package io.libactors.internal;

import io.libactors.Core;
import io.libactors.internal.handler.Handler;
import io.libactors.internal.observe.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runtime logs about actors, under the {@code io.libactors.Core} category: failures
 * with class names only (messages and payloads may carry secrets), rate-limited where a storm of
 * them is possible. Thread-safe.
 */
final class RuntimeLog {

	private static final Logger logger = LoggerFactory.getLogger(Core.class);

	/** Handlers that take this long are logged; {@code Long.MAX_VALUE} when off. */
	private final long slowHandlerNanos;

	private final int maxRestarts;

	private final long restartWindowNanos;

	private final RateLimitedLog slowLog = new RateLimitedLog(10, 10_000_000_000L);

	private final RateLimitedLog failureLog = new RateLimitedLog(10, 10_000_000_000L);

	private final RateLimitedLog refusalLog = new RateLimitedLog(10, 10_000_000_000L);

	RuntimeLog(long slowHandlerNanos, int maxRestarts, long restartWindowNanos) {
		this.slowHandlerNanos = slowHandlerNanos;
		this.maxRestarts = maxRestarts;
		this.restartWindowNanos = restartWindowNanos;
	}

	void handlerFailure(ActorCell cell, Handler handler, Throwable error) {
		int held = this.failureLog.acquire();
		if (held >= 0) {
			// The exception's message and the payload may carry secrets: class names only.
			logger.error("Actor '{}' failed handling {}: {}{}", cell.name(), handler.messageName,
					error.getClass().getName(), (held > 0) ? " (" + held + " similar failures not logged)" : "");
		}
		logger.debug("Failure of actor '{}'", cell.name(), error);
	}

	long slowHandlerNanos() {
		return this.slowHandlerNanos;
	}

	void slowHandler(ActorCell cell, Handler handler, long nanos) {
		int held = this.slowLog.acquire();
		if (held >= 0) {
			logger.warn("Actor '{}' took {} ms handling {}, over the {} ms slow-handler threshold{}", cell.name(),
					nanos / 1_000_000, handler.messageName, this.slowHandlerNanos / 1_000_000,
					(held > 0) ? " (" + held + " similar not logged)" : "");
		}
	}

	void turnFailure(ActorCell cell, Throwable error) {
		logger.error("A turn of actor '{}' failed outside its handlers; the actor goes on", cell.name(), error);
	}

	void subscriberFailure(ActorCell cell, Throwable error) {
		logger.warn("A subscriber to the states of actor '{}' threw from onSubscribe and was cancelled: {}",
				cell.name(), error.getClass().getName());
	}

	void destroyFailure(ActorCell cell, Throwable error) {
		logger.warn("Destroying an instance of actor '{}' failed: {}", cell.name(), error.getClass().getName());
		logger.debug("Destroy failure of actor '{}'", cell.name(), error);
	}

	void stateFailure(ActorCell cell, RuntimeException error) {
		logger.warn("Actor '{}' threw from state(); its observers keep the previous state: {}", cell.name(),
				error.getClass().getName());
	}

	void initializeFailure(ActorCell cell, Throwable error) {
		logger.error("Actor '{}' failed to initialize and stops: {}", cell.name(), error.getClass().getName());
		logger.debug("Initialize failure of actor '{}'", cell.name(), error);
	}

	void superviseFailure(ActorCell cell, RuntimeException error) {
		logger.error("Actor '{}' threw from supervise(); its declared supervision applies: {}", cell.name(),
				error.getClass().getName());
		logger.debug("supervise() failure of actor '{}'", cell.name(), error);
	}

	void cannotRestart(ActorCell cell) {
		logger.error("Actor '{}' decided to RESTART but was created from an instance, so no new one can be made: "
				+ "it stops. Create it from a Supplier or a template to restart it.", cell.name());
	}

	void restartLimit(ActorCell cell) {
		logger.error("Actor '{}' restarted more than {} times within {} ms and stops", cell.name(), this.maxRestarts,
				this.restartWindowNanos / 1_000_000);
	}

	void actletFailure(ActorCell cell, String actletId, Throwable error) {
		logger.error("Actlet {} of actor '{}' failed: {}", actletId, cell.name(), error.getClass().getName());
		logger.debug("Actlet failure", error);
	}

	void refusedTurn(ActorCell cell, RuntimeException refusal) {
		int held = this.refusalLog.acquire();
		if (held >= 0) {
			logger.warn("Executor refused a turn of actor '{}' ({}); offering it again in 10 ms{}", cell.name(),
					refusal.getClass().getName(), (held > 0) ? " (" + held + " similar not logged)" : "");
		}
	}

	void refusedForGood(ActorCell cell) {
		logger.error("Executor refused actor '{}'; its queued messages become dead letters", cell.name());
	}

}
