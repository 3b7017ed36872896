package io.libactors;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Supervision#RESTART RESTART} waits before it builds the new instance:
 * {@code min}, doubled for each restart in a row up to {@code max}, stretched by up to
 * {@code randomFactor} so that actors failing together do not retry together. The count starts
 * again once the actor has gone {@code resetAfter} without a restart. Mail that comes meanwhile
 * waits in the mailbox (bounded as any mail is) and goes to the new instance. Immutable.
 *
 * @param min the first wait, positive
 * @param max the longest wait before the random stretch, at least {@code min}
 * @param randomFactor from 0 to 1: each wait is stretched by a random part of it
 * @param resetAfter positive: a restart this long after the one before counts as the first
 */
public record Backoff(Duration min, Duration max, double randomFactor, Duration resetAfter) {

	public Backoff {
		Objects.requireNonNull(min, "min must not be null");
		Objects.requireNonNull(max, "max must not be null");
		Objects.requireNonNull(resetAfter, "resetAfter must not be null");
		if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
			throw new IllegalArgumentException("Backoff needs 0 < min <= max, but min was " + min + " and max " + max + ".");
		}
		if (!(randomFactor >= 0 && randomFactor <= 1)) {
			throw new IllegalArgumentException("Backoff random factor must be from 0 to 1, but was " + randomFactor + ".");
		}
		if (resetAfter.isNegative() || resetAfter.isZero()) {
			throw new IllegalArgumentException("Backoff resetAfter must be positive, but was " + resetAfter + ".");
		}
	}

	/** From {@code min} to {@code max}, stretched by up to 20 %, counted anew after {@code max} without a restart. */
	public static Backoff exponential(Duration min, Duration max) {
		return new Backoff(min, max, 0.2, max);
	}

	/** This back-off with another random factor. */
	public Backoff withRandomFactor(double randomFactor) {
		return new Backoff(this.min, this.max, randomFactor, this.resetAfter);
	}

	/** This back-off with another quiet time after which the count starts again. */
	public Backoff withResetAfter(Duration resetAfter) {
		return new Backoff(this.min, this.max, this.randomFactor, resetAfter);
	}

	/**
	 * The wait before a restart.
	 * @param inARow 1 for the first restart since the count started, 2 for the next...
	 * @param random from 0 to 1: how much of the random factor to add
	 */
	public Duration delay(int inARow, double random) {
		long minNanos = this.min.toNanos();
		long maxNanos = this.max.toNanos();
		int doublings = Math.min(Math.max(inARow, 1) - 1, 62);
		long base = (minNanos > (maxNanos >> doublings)) ? maxNanos : Math.min(maxNanos, minNanos << doublings);
		return Duration.ofNanos((long) (base * (1 + random * this.randomFactor)));
	}

}
