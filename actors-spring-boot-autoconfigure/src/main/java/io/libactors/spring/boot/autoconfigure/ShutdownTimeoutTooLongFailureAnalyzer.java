package io.libactors.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a shutdown timeout that does not fit in Spring's shutdown phase: both properties,
 * their values, and which to change.
 */
class ShutdownTimeoutTooLongFailureAnalyzer extends AbstractFailureAnalyzer<ShutdownTimeoutTooLongException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ShutdownTimeoutTooLongException cause) {
		String shutdown = ShutdownTimeoutTooLongException.print(cause.shutdownTimeout());
		String phase = ShutdownTimeoutTooLongException.print(cause.phaseTimeout());
		return new FailureAnalysis(cause.getMessage(), "Set actors.shutdown.timeout below " + phase
				+ ", or raise spring.lifecycle.timeout-per-shutdown-phase above " + shutdown + ".", cause);
	}

}
