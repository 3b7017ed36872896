package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ScheduleTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Tick(int generation) implements Message {
	}

	record Start(String key, int generation, int times) implements Message {
	}

	record Other(int n) implements Message {
	}

	/** Records ticks, other messages and TimerDone, in the order handled. */
	static class Clock implements Actor {

		final List<String> seen = new CopyOnWriteArrayList<>();

		volatile CountDownLatch hold = new CountDownLatch(0);

		@MessageHandler
		void onStart(Context context, Start start) {
			Schedule schedule = Schedule.every(Duration.ofMillis(5)).now();
			context.timers().schedule(start.key(), new Tick(start.generation()),
					(start.times() > 0) ? schedule.times(start.times()) : schedule);
		}

		@MessageHandler
		void onTick(Tick tick) throws InterruptedException {
			this.seen.add("tick" + tick.generation());
			this.hold.await(5, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onOther(Other other) {
			this.seen.add("other" + other.n());
		}

		@MessageHandler
		void onDone(TimerDone done) {
			this.seen.add("done:" + done.key());
		}

	}

	/** Handles ticks but not TimerDone. */
	static class Quiet implements Actor {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public void initialize(Context context) {
			context.timers().schedule("t", new Tick(1), Schedule.every(Duration.ofMillis(5)).now().times(3));
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.seen.add("tick");
		}

	}

	@Test
	void aScheduleOfNTimesTicksExactlyNTimesThenSendsTimerDoneOnce() {
		Clock clock = new Clock();
		this.core.createActor("clock", clock).tell(new Start("five", 1, 5));
		await().until(() -> clock.seen.contains("done:five"));
		await().during(Duration.ofMillis(100)).until(() -> clock.seen.size() == 6);
		assertThat(clock.seen).containsExactly("tick1", "tick1", "tick1", "tick1", "tick1", "done:five");
	}

	@Test
	void timerDoneIsSentOnlyToActorsThatHandleIt() {
		Quiet quiet = new Quiet();
		this.core.createActor("quiet", quiet);
		await().until(() -> quiet.seen.size() == 3);
		await().during(Duration.ofMillis(100)).until(() -> quiet.seen.size() == 3);
		assertThat(this.core.deadLetterCount()).isZero();
	}

	@Test
	void restartingAKeyDropsTheTicksOfTheOldTimerStillQueued() {
		Clock clock = new Clock();
		clock.hold = new CountDownLatch(1);
		ActorProxy<Clock> proxy = this.core.createActor("clock", clock);
		proxy.tell(new Start("k", 1, 0));
		await().until(() -> clock.seen.contains("tick1"));
		// The actor is held in its first tick while the old timer queues more behind it.
		await().until(() -> proxy.mailboxSize() >= 3);
		proxy.tell(new Start("k", 2, 2));
		proxy.tell(new Other(1));
		clock.hold.countDown();
		await().until(() -> clock.seen.contains("done:k"));
		// Old ticks queued before the restart were still current; those queued after it are dropped.
		List<String> afterRestart = clock.seen.subList(clock.seen.indexOf("other1"), clock.seen.size());
		assertThat(afterRestart).containsExactly("other1", "tick2", "tick2", "done:k");
	}

	@Test
	void noTickArrivesAfterTheActorStops() throws Exception {
		Clock clock = new Clock();
		ActorProxy<Clock> proxy = this.core.createActor("clock", clock);
		proxy.tell(new Start("forever", 1, 0));
		await().until(() -> clock.seen.size() >= 3);
		proxy.stop().get(30, TimeUnit.SECONDS);
		int seen = clock.seen.size();
		await().during(Duration.ofMillis(100)).until(() -> clock.seen.size() == seen);
		assertThat(this.core.deadLetterCount()).isZero();
	}

	@Test
	void schedulesRefuseNonsenseWithTheValueInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.every(Duration.ZERO))
			.withMessageContaining("interval must be positive, but was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Schedule.every(Duration.ofSeconds(1)).after(Duration.ofSeconds(-1)))
			.withMessageContaining("delay must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.every(Duration.ofSeconds(1)).times(0))
			.withMessageContaining("times must be positive, but was 0");
		assertThat(Schedule.every(Duration.ofSeconds(2)).now().times(3).fixedRate())
			.hasToString("every PT2S, first after PT0S, 3 times, fixed rate");
	}

}
