package io.libactors.internal.observe;

import java.util.concurrent.ForkJoinWorkerThread;

import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Handler latencies of one message type across every actor of one class: one histogram, not one
 * per actor, so an idle actor that has handled messages holds none. Many turns record at once,
 * each thread on a stripe of its own (a pool worker by its index in the pool, so the core's own
 * dispatcher threads do not share one; any other thread by its id), with atomic counts, so
 * nothing recorded is lost. Its range is fixed (1 µs to an hour, longer clamped), one
 * significant digit (about 3% error).
 * <p>
 * Threading: {@link #record} and {@link #p99Micros} from any thread. A percentile is worked out at
 * most once a second while values keep coming, whoever asks: reading every actor costs one
 * merge per class and type, not one per actor.
 */
public final class LatencyHistogram {

	private static final long LONGEST_MICROS = 3_600_000_000L;

	private static final long REFRESH_NANOS = 1_000_000_000L;

	/** A percentile as worked out, and from how many values when. */
	private record Computed(long count, long at, double p99Micros) {
	}

	private final AtomicHistogram[] stripes;

	private final int mask;

	private volatile @Nullable Computed computed;

	public LatencyHistogram() {
		int wanted = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());
		int size = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
		this.stripes = new AtomicHistogram[size];
		for (int i = 0; i < size; i++) {
			this.stripes[i] = new AtomicHistogram(1, LONGEST_MICROS, 1);
		}
		this.mask = size - 1;
	}

	public void record(long nanos) {
		this.stripes[stripe() & this.mask].recordValue(Math.max(1, Math.min(LONGEST_MICROS, nanos / 1000)));
	}

	/** A pool worker's index in its pool (unique among its live workers), else the thread's id. */
	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
	private static int stripe() {
		Thread thread = Thread.currentThread();
		return (thread instanceof ForkJoinWorkerThread worker) ? worker.getPoolIndex() : (int) thread.getId();
	}

	int stripeCount() {
		return this.stripes.length;
	}

	/** How many stripes hold a value. */
	int stripesInUse() {
		int used = 0;
		for (AtomicHistogram stripe : this.stripes) {
			used += (stripe.getTotalCount() > 0) ? 1 : 0;
		}
		return used;
	}

	/** Values recorded so far. */
	public long count() {
		long count = 0;
		for (AtomicHistogram stripe : this.stripes) {
			count += stripe.getTotalCount();
		}
		return count;
	}

	/** The 99th percentile in microseconds, at most a second old while values keep coming; 0 before any. */
	public double p99Micros() {
		long count = count();
		Computed last = this.computed;
		long now = System.nanoTime();
		if (last != null && (last.count() == count || now - last.at() < REFRESH_NANOS)) {
			return last.p99Micros();
		}
		Histogram merged = new Histogram(1, LONGEST_MICROS, 1);
		for (AtomicHistogram stripe : this.stripes) {
			merged.add(stripe);
		}
		double p99 = merged.getValueAtPercentile(99.0);
		this.computed = new Computed(count, now, p99);
		return p99;
	}

}
