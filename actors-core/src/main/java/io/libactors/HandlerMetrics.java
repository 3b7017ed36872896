package io.libactors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Latency of one handler of one actor. Written only by the actor's turn (single writer, so
 * release stores suffice); read from any thread. Allocated on the first message of its type.
 */
final class HandlerMetrics implements ActorMonitor.HandlerCounts {

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

	/** One significant digit in microseconds: about 3% error, a few hundred bytes. */
	private final SingleWriterRecorder recorder = new SingleWriterRecorder(1);

	private long count;

	private long totalNanos;

	private long maxNanos;

	/** Merged snapshots, guarded by {@code this} (readers only). */
	private Histogram merged;

	void record(long nanos) {
		COUNT.setRelease(this, this.count + 1);
		TOTAL.setRelease(this, this.totalNanos + nanos);
		if (nanos > this.maxNanos) {
			MAX.setRelease(this, nanos);
		}
		this.recorder.recordValue(nanos / 1000);
	}

	@Override
	public long count() {
		return (long) COUNT.getAcquire(this);
	}

	@Override
	public long totalNanos() {
		return (long) TOTAL.getAcquire(this);
	}

	ActorInfo.HandlerStats snapshot() {
		long count = (long) COUNT.getAcquire(this);
		long total = (long) TOTAL.getAcquire(this);
		long max = (long) MAX.getAcquire(this);
		double p99;
		synchronized (this) {
			Histogram interval = this.recorder.getIntervalHistogram();
			if (this.merged == null) {
				this.merged = interval;
			}
			else {
				this.merged.add(interval);
			}
			p99 = this.merged.getValueAtPercentile(99.0) / 1000.0;
		}
		return new ActorInfo.HandlerStats(count, (count > 0) ? total / 1e6 / count : 0.0, max / 1e6,
				Math.min(p99, max / 1e6));
	}

}
