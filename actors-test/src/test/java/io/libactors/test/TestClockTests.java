package io.libactors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A test clock runs what falls due, in order, only when it is moved, and never goes back. */
class TestClockTests {

	private final TestClock clock = new TestClock();

	private final List<String> ran = new ArrayList<>();

	@Test
	void nothingRunsUntilTheClockIsMovedAndThenInTheOrderOfTheirTimes() {
		this.clock.schedule(() -> this.ran.add("b"), Duration.ofSeconds(2));
		this.clock.schedule(() -> this.ran.add("a"), Duration.ofSeconds(1));
		this.clock.schedule(() -> this.ran.add("a2"), Duration.ofSeconds(1));
		assertThat(this.ran).isEmpty();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.ran).isEmpty();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.ran).containsExactly("a", "a2");
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.ran).containsExactly("a", "a2", "b");
		assertThat(this.clock.now()).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void aTaskRunsAtItsOwnTimeDuringALongerMove() {
		List<Duration> times = new ArrayList<>();
		this.clock.schedule(() -> times.add(this.clock.now()), Duration.ofMinutes(3));
		this.clock.advance(Duration.ofHours(1));
		assertThat(times).containsExactly(Duration.ofMinutes(3));
		assertThat(this.clock.nanoTime()).isEqualTo(Duration.ofHours(1).toNanos());
	}

	@Test
	void aFixedRateTaskRunsAsOftenAsItFallsDue() {
		this.clock.scheduleAtFixedRate(() -> this.ran.add("tick"), Duration.ofSeconds(1), Duration.ofSeconds(1));
		this.clock.advance(Duration.ofMillis(3500));
		assertThat(this.ran).hasSize(3);
	}

	@Test
	void aFixedDelayTaskCountsItsDelayFromItsLastRun() {
		List<Duration> times = new ArrayList<>();
		this.clock.scheduleWithFixedDelay(() -> times.add(this.clock.now()), Duration.ofSeconds(1),
				Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(times).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
	}

	@Test
	void aTaskScheduledByATaskRunsInTheSameMoveIfItFallsDueInTime() {
		this.clock.schedule(() -> {
			this.ran.add("first");
			this.clock.schedule(() -> this.ran.add("second"), Duration.ofSeconds(1));
		}, Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.ran).containsExactly("first", "second");
	}

	@Test
	void aCancelledTaskNeverRunsAndARepeatingOneStops() {
		Future<?> once = this.clock.schedule(() -> this.ran.add("once"), Duration.ofSeconds(1));
		Future<?> repeating = this.clock.scheduleAtFixedRate(() -> this.ran.add("tick"), Duration.ofSeconds(1),
				Duration.ofSeconds(1));
		assertThat(once.cancel(false)).isTrue();
		this.clock.advance(Duration.ofSeconds(2));
		repeating.cancel(false);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.ran).containsExactly("tick", "tick");
		assertThat(once.isCancelled()).isTrue();
		assertThat(repeating.isDone()).isTrue();
	}

	@Test
	void aTaskThatMovesTheClockFurtherIsNotUndoneByTheMoveThatRanIt() {
		this.clock.schedule(() -> this.clock.advance(Duration.ofHours(2)), Duration.ofMinutes(30));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.clock.now()).isEqualTo(Duration.ofMinutes(150));
	}

	@Test
	void aDelayBeyondTheClocksRangeNeverFalls() {
		this.clock.schedule(() -> this.ran.add("never"), Duration.ofDays(365L * 1_000));
		this.clock.advance(Duration.ofDays(365L * 100));
		assertThat(this.ran).isEmpty();
	}

	@Test
	void aOneShotTasksFutureIsDoneOnceItRanAndKeepsWhatItThrew() throws Exception {
		Future<?> fine = this.clock.schedule(() -> this.ran.add("fine"), Duration.ofSeconds(1));
		Future<?> failing = this.clock.schedule(() -> {
			throw new IllegalStateException("no");
		}, Duration.ofSeconds(1));
		assertThat(fine.isDone()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(fine.get()).isNull();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(failing::get)
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void theClockNeverGoesBack() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.clock.advance(Duration.ofSeconds(-1)))
			.withMessageContaining("only moves forward");
	}

}
