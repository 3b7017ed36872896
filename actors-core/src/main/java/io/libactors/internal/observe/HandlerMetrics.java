package io.libactors.internal.observe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.libactors.ActorInfo;
import io.libactors.ActorMonitor;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latency of one handler of one actor. Written only by the actor's turn (single writer, so
 * release stores suffice); read from any thread. Allocated on the first message of its type.
 * <p>
 * The histogram is written without atomics: the count's release store publishes each value,
 * and a reader copies the histogram after an acquire of the count, so it sees at least every
 * value counted by then (and maybe one being written, which only moves a percentile by one
 * sample). Its range is fixed (1 µs to an hour, longer clamped), so it never resizes under a
 * reader. Its counts are ints (half the memory of longs): before any could overflow it starts
 * afresh, so after about two billion messages the percentile covers the recent ones.
 */
public final class HandlerMetrics implements ActorMonitor.HandlerCounts {

	private static final VarHandle COUNT;

	private static final VarHandle TOTAL;

	private static final VarHandle MAX;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			COUNT = lookup.findVarHandle(HandlerMetrics.class, "count", long.class);
			TOTAL = lookup.findVarHandle(HandlerMetrics.class, "totalNanos", long.class);
			MAX = lookup.findVarHandle(HandlerMetrics.class, "maxNanos", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final long LONGEST_MICROS = 3_600_000_000L;

	/** Values the histogram takes before it starts afresh: no bucket's int count can overflow. */
	private final long histogramLimit;

	/** One significant digit in microseconds: about 3% error, about 2.5 KB. */
	private final IntCountsHistogram histogram = new IntCountsHistogram(1, LONGEST_MICROS, 1);

	private long count;

	private long totalNanos;

	private long maxNanos;

	public HandlerMetrics() {
		this(Integer.MAX_VALUE);
	}

	public HandlerMetrics(long histogramLimit) {
		this.histogramLimit = histogramLimit;
	}

	public void record(long nanos) {
		if (this.histogram.getTotalCount() >= this.histogramLimit) {
			this.histogram.reset();
		}
		this.histogram.recordValue(Math.min(LONGEST_MICROS, nanos / 1000));
		if (nanos > this.maxNanos) {
			MAX.setRelease(this, nanos);
		}
		TOTAL.setRelease(this, this.totalNanos + nanos);
		COUNT.setRelease(this, this.count + 1);
	}

	@Override
	public long count() {
		return (long) COUNT.getAcquire(this);
	}

	@Override
	public long totalNanos() {
		return (long) TOTAL.getAcquire(this);
	}

	public ActorInfo.HandlerStats snapshot() {
		long count = (long) COUNT.getAcquire(this);
		long total = (long) TOTAL.getAcquire(this);
		long max = (long) MAX.getAcquire(this);
		double p99 = this.histogram.copy().getValueAtPercentile(99.0) / 1000.0;
		return new ActorInfo.HandlerStats(count, (count > 0) ? total / 1e6 / count : 0.0, max / 1e6,
				Math.min(p99, max / 1e6));
	}

}
