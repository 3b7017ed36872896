package io.libactors.internal.observe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most {@code limit} log lines through per window, then says how many it held back.
 * Thread-safe; a handler failing every message cannot flood the log.
 */
public final class RateLimitedLog {

	private final int limit;

	private final long windowNanos;

	private final AtomicLong windowStart = new AtomicLong(System.nanoTime());

	private final AtomicInteger used = new AtomicInteger();

	private final AtomicInteger suppressed = new AtomicInteger();

	public RateLimitedLog(int limit, long windowNanos) {
		this.limit = limit;
		this.windowNanos = windowNanos;
	}

	/**
	 * Whether a line may be written now.
	 * @return {@code -1} to hold the line back, otherwise how many lines were held back since the
	 * last one written
	 */
	public int acquire() {
		long now = System.nanoTime();
		long start = this.windowStart.get();
		if (now - start > this.windowNanos && this.windowStart.compareAndSet(start, now)) {
			this.used.set(0);
		}
		if (this.used.incrementAndGet() <= this.limit) {
			return this.suppressed.getAndSet(0);
		}
		this.suppressed.incrementAndGet();
		return -1;
	}

}
