package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.libactors.ActorException;

import org.springframework.boot.convert.DurationStyle;

/**
 * {@code actors.shutdown.timeout} is not below {@code spring.lifecycle.timeout-per-shutdown-phase}:
 * Spring would stop waiting for the actors' lifecycle phase before the actors finish draining.
 */
class ShutdownTimeoutTooLongException extends ActorException {

	/** Largest first: a duration prints in the largest unit that holds it exactly. */
	private static final ChronoUnit[] WHOLE_SECOND_UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS };

	private final Duration shutdownTimeout;

	private final Duration phaseTimeout;

	ShutdownTimeoutTooLongException(Duration shutdownTimeout, Duration phaseTimeout) {
		super("actors.shutdown.timeout (" + print(shutdownTimeout) + ") must be below "
				+ "spring.lifecycle.timeout-per-shutdown-phase (" + print(phaseTimeout)
				+ "), or the drain is cut short.");
		this.shutdownTimeout = shutdownTimeout;
		this.phaseTimeout = phaseTimeout;
	}

	Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	Duration phaseTimeout() {
		return this.phaseTimeout;
	}

	/** As a user writes it in properties ({@code 40s}, {@code 1m}), not {@code PT40S}. */
	static String print(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.getNano() != 0) {
			return (duration.getNano() % 1_000_000 == 0) ? DurationStyle.SIMPLE.print(duration, ChronoUnit.MILLIS)
					: duration.toString();
		}
		for (ChronoUnit unit : WHOLE_SECOND_UNITS) {
			if (duration.getSeconds() % unit.getDuration().getSeconds() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return duration.toString();
	}

}
