package io.libactors.internal.observe;

import io.libactors.ActorInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A handler's latency statistics: exact counts, mean and max; a percentile within the histogram's 1-digit precision. */
class HandlerMetricsTests {

	private static final long MILLI = 1_000_000L;

	@Test
	void countMeanAndMaxAreExactAndP99IsWithinTheHistogramsPrecision() {
		HandlerMetrics metrics = new HandlerMetrics();
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
	void beforeAnyIntCountCouldOverflowTheHistogramStartsAfreshAndKeepsTheRecentValues() {
		HandlerMetrics metrics = new HandlerMetrics(1_000);
		for (int i = 0; i < 4_000; i++) {
			metrics.record(10 * MILLI);
		}
		for (int i = 0; i < 1_000; i++) {
			metrics.record(MILLI);
		}
		ActorInfo.HandlerStats stats = metrics.snapshot();
		assertThat(stats.count()).isEqualTo(5_000);
		assertThat(stats.max()).isEqualTo(10.0);
		assertThat(stats.p99()).isCloseTo(1.0, within(0.07));
	}

}
