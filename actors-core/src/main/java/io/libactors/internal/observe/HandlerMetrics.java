package io.libactors.internal.observe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.libactors.ActorInfo;
import io.libactors.ActorMonitor;

/**
 * Counts and times of one handler of one actor, exact; its percentile comes from the
 * {@link LatencyHistogram} every actor of the class shares for that handler. Written only by the
 * actor's turn (single writer, so release stores suffice); read from any thread. Made on the
 * first message of its type.
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

	private final LatencyHistogram latency;

	private long count;

	private long totalNanos;

	private long maxNanos;

	/**
	 * @param latency the histogram this handler shares with the other actors of its class
	 */
	public HandlerMetrics(LatencyHistogram latency) {
		this.latency = latency;
	}

	public void record(long nanos) {
		this.latency.record(nanos);
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

	/** This actor's count, mean and max; the p99 of every actor of its class, at most this actor's max. */
	public ActorInfo.HandlerStats snapshot() {
		long count = (long) COUNT.getAcquire(this);
		long total = (long) TOTAL.getAcquire(this);
		long max = (long) MAX.getAcquire(this);
		double p99 = (count > 0) ? this.latency.p99Micros() / 1000.0 : 0.0;
		return new ActorInfo.HandlerStats(count, (count > 0) ? total / 1e6 / count : 0.0, max / 1e6,
				Math.min(p99, max / 1e6));
	}

}
