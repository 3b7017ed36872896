package io.libactors.spring.boot.autoconfigure;

import io.libactors.HandlerRegistrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an actor that failed registration at startup: what is wrong (class, method) and
 * what to change.
 */
class HandlerRegistrationFailureAnalyzer extends AbstractFailureAnalyzer<HandlerRegistrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HandlerRegistrationException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
