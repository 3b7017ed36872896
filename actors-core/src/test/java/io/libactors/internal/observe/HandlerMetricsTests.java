package io.libactors.internal.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;

import io.libactors.ActorInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A handler's latency statistics: exact counts, mean and max per actor; a percentile within the
 * histogram's 1-digit precision, shared by every actor of the class.
 */
class HandlerMetricsTests {

	private static final long MILLI = 1_000_000L;

	@Test
	void countMeanAndMaxAreExactAndP99IsWithinTheHistogramsPrecision() {
		HandlerMetrics metrics = new HandlerMetrics(new LatencyHistogram());
		for (int i = 0; i < 990; i++) {
			metrics.record(MILLI);
		}
		for (int i = 0; i < 10; i++) {
			metrics.record(50 * MILLI);
		}
		ActorInfo.HandlerStats stats = metrics.snapshot();
		assertThat(stats.count()).isEqualTo(1_000);
		assertThat(stats.mean()).isCloseTo(1.49, within(1e-9));
		assertThat(stats.max()).isEqualTo(50.0);
		assertThat(stats.p99()).isCloseTo(1.0, within(0.07));
	}

	@Test
	void actorsOfOneClassKeepTheirOwnCountsAndShareThePercentile() {
		LatencyHistogram shared = new LatencyHistogram();
		HandlerMetrics fast = new HandlerMetrics(shared);
		HandlerMetrics slow = new HandlerMetrics(shared);
		for (int i = 0; i < 100; i++) {
			fast.record(MILLI);
		}
		for (int i = 0; i < 900; i++) {
			slow.record(10 * MILLI);
		}
		ActorInfo.HandlerStats fastStats = fast.snapshot();
		ActorInfo.HandlerStats slowStats = slow.snapshot();
		assertThat(fastStats.count()).isEqualTo(100);
		assertThat(slowStats.count()).isEqualTo(900);
		assertThat(fastStats.mean()).isCloseTo(1.0, within(1e-9));
		assertThat(slowStats.mean()).isCloseTo(10.0, within(1e-9));
		assertThat(slowStats.p99()).isCloseTo(10.0, within(0.7));
		// the shared percentile never exceeds what this actor's own handler took
		assertThat(fastStats.p99()).isEqualTo(fastStats.max()).isEqualTo(1.0);
	}

	@Test
	void recordingFromManyThreadsAtOnceLosesNoValue() throws Exception {
		LatencyHistogram shared = new LatencyHistogram();
		int threads = 8;
		int each = 200_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> recorders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long value = (t + 1) * MILLI;
			Thread recorder = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < each; i++) {
					shared.record(value);
				}
			});
			recorder.start();
			recorders.add(recorder);
		}
		start.countDown();
		for (Thread recorder : recorders) {
			recorder.join();
		}
		assertThat(shared.count()).isEqualTo((long) threads * each);
		// values of 1 to 8 ms, equally many: the 99th percentile is the largest
		assertThat(shared.p99Micros() / 1000).isCloseTo(8.0, within(0.5));
	}

	@Test
	void eachWorkerOfAPoolRecordsOnAStripeOfItsOwn() throws Exception {
		LatencyHistogram histogram = new LatencyHistogram();
		int workers = histogram.stripeCount();
		ForkJoinPool pool = new ForkJoinPool(workers, (owner) -> {
			new Thread(() -> {
			}); // another thread made between two workers: their ids are not consecutive
			return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
		}, null, false);
		try {
			// every task waits for all the others, so each runs on a worker of its own
			CyclicBarrier together = new CyclicBarrier(workers);
			List<ForkJoinTask<?>> tasks = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				tasks.add(pool.submit(() -> {
					together.await(1, TimeUnit.MINUTES);
					histogram.record(MILLI);
					return null;
				}));
			}
			for (ForkJoinTask<?> task : tasks) {
				task.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(histogram.count()).isEqualTo(workers);
		assertThat(histogram.stripesInUse()).isEqualTo(workers);
	}

	@Test
	void aPercentileFollowsNewValuesWithinASecond() {
		LatencyHistogram shared = new LatencyHistogram();
		for (int i = 0; i < 1_000; i++) {
			shared.record(MILLI);
		}
		assertThat(shared.p99Micros() / 1000).isCloseTo(1.0, within(0.07));
		for (int i = 0; i < 100_000; i++) {
			shared.record(20 * MILLI);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> Math.abs(shared.p99Micros() / 1000 - 20.0) < 1.0);
	}

}
