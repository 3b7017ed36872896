package io.libactors.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.libactors.Backoff;
import org.jspecify.annotations.Nullable;

/**
 * An actor's restarts: the times of the last ones, against the core's limit, and the back-off
 * between restarts in a row. Made by the first restart, so that an actor that never failed holds
 * none of it.
 * <p>
 * Threading: the turn's alone, but {@link #backoff}, which a stop completes from any thread.
 */
final class RestartHistory {

	/** The last restarts' times (nanoTime), a ring of the core's limit; the oldest is overwritten. */
	private long[] times = new long[0];

	/** Restarts since the back-off count last started again. */
	private int inARow;

	/** When the last restart with a back-off began (the clock's nanoTime). */
	private long last;

	/** The back-off a RESTART waits out, while it waits: a stop ends the wait early. */
	volatile @Nullable CompletableFuture<Void> backoff;

	/** Records a restart at {@code now} unless {@code max} of them fell within the window before it. */
	boolean allow(long now, int max, long windowNanos) {
		if (max <= 0) {
			return false;
		}
		if (this.times.length != max) {
			this.times = new long[max];
			Arrays.fill(this.times, Long.MIN_VALUE);
		}
		int oldest = 0;
		for (int i = 1; i < this.times.length; i++) {
			if (this.times[i] < this.times[oldest]) {
				oldest = i;
			}
		}
		if (this.times[oldest] != Long.MIN_VALUE && now - this.times[oldest] < windowNanos) {
			return false;
		}
		this.times[oldest] = now;
		return true;
	}

	/** How long the restart beginning at {@code now} waits: the count starts again after a quiet spell. */
	Duration nextDelay(Backoff backoff, long now) {
		if (this.inARow == 0 || now - this.last >= backoff.resetAfter().toNanos()) {
			this.inARow = 0;
		}
		this.inARow++;
		this.last = now;
		return backoff.delay(this.inARow, ThreadLocalRandom.current().nextDouble());
	}

}
