package io.libactors.internal;

import java.time.Duration;
import java.util.Objects;

/** The one check every duration the API takes gets. */
public final class Durations {

	private Durations() {
	}

	/**
	 * @param parameter the parameter's name, for a {@code null}
	 * @param what what the duration is, for a value that is not positive
	 * @return {@code value}
	 */
	public static Duration requirePositive(Duration value, String parameter, String what) {
		Objects.requireNonNull(value, parameter + " must not be null");
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(what + " must be positive, but was " + value + ".");
		}
		return value;
	}

}
