package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.AskTimeoutException;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.CoreAccess;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Schedule;
import io.libactors.TimerScheduler;
import io.libactors.UndeliverableMessageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ask deadlines share slots on the core's timer: never early, and little left behind. */
class AskTimeoutsTests {

	record Question(int n) implements Message {
	}

	/** Never answers: its stages never complete. */
	static class Silent implements Actor {

		@MessageHandler
		CompletionStage<Integer> onQuestion(Question question) {
			return new CompletableFuture<>();
		}

	}

	record Echo(int n) implements Message {
	}

	static class Echoer implements Actor {

		@MessageHandler
		int onEcho(Echo echo) {
			return echo.n();
		}

	}

	// The actors and messages are AskLoadTests's: Silent never answers, Echoer echoes.

	@Test
	void anAskNeverTimesOutBeforeItsDeadline() throws Exception {
		Core core = Core.create();
		try {
			ActorProxy<Silent> silent = core.createActor("silent", new Silent());
			List<Long> started = new ArrayList<>();
			List<CompletableFuture<Long>> ended = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				started.add(System.nanoTime());
				ended.add(silent.ask(new Question(i), Integer.class, Duration.ofMillis(20 + i))
					.handle((reply, error) -> (error instanceof AskTimeoutException) ? System.nanoTime() : -1L));
			}
			for (int i = 0; i < ended.size(); i++) {
				long end = ended.get(i).get(30, TimeUnit.SECONDS);
				assertThat(end).as("ask %d timed out", i).isNotNegative();
				assertThat(end - started.get(i)).as("ask %d lasted", i)
					.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20 + i));
			}
		}
		finally {
			core.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void aSlotTimesItsAsksOutAfterTheirDeadlineAndLetsGoOfThem() throws Exception {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
		try {
			AskTimeouts timeouts = new AskTimeouts(TimerScheduler.of(timer), false, timer);
			long before = System.nanoTime();
			Ask ask = new Ask(Integer.class, "nobody", Question.class, 1);
			assertThat(timeouts.start(ask, TimeUnit.MILLISECONDS.toNanos(1))).isTrue();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> ask.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(AskTimeoutException.class);
			assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
			assertThat(timeouts.waiting()).isZero();
		}
		finally {
			timer.shutdownNow();
		}
	}

	@Test
	void anAskJoiningASlotThatHasAlreadyFiredTimesOutAtOnce() throws Exception {
		// A timer that runs a task due now before schedule() returns: the slot fires before its
		// ask joins it, as when the asking thread is descheduled in between.
		ScheduledThreadPoolExecutor eager = new ScheduledThreadPoolExecutor(1) {

			@Override
			public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
				if (delay <= 0) {
					task.run();
				}
				return super.schedule(() -> {
				}, delay, unit);
			}

		};
		try {
			Ask late = new Ask(Integer.class, "nobody", Question.class, 1);
			assertThat(new AskTimeouts(TimerScheduler.of(eager), false, Runnable::run).start(late, -AskTimeouts.SLOT_NANOS)).isTrue();
			assertThat(late).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(late::get)
				.withCauseInstanceOf(AskTimeoutException.class);
		}
		finally {
			eager.shutdownNow();
		}
	}

	@Test
	void answeredAsksLeaveTheirSlotsAndShutdownLeavesTheTimerNothingToWaitFor() throws Exception {
		Core core = Core.create();
		ActorProxy<Echoer> echoer = core.createActor("echoer", new Echoer());
		for (int i = 0; i < 1_000; i++) {
			assertThat(echoer.ask(new Echo(i), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(i);
		}
		assertThat(CoreAccess.kernel(core).pendingAskTimeouts()).isZero();
		assertThat(CoreAccess.kernel(core).timerTasks()).isPositive();
		core.shutdown(Duration.ofSeconds(1));
		// the asks' slots (5 s ahead) are cancelled with the core, so the timer thread ends now
		assertThat(CoreAccess.kernel(core).timerTasks()).isZero();
	}

	@Test
	void answeredAsksWithALongTimeoutLeaveFewSlotsBehind() throws Exception {
		Core core = Core.create();
		try {
			ActorProxy<Echoer> echoer = core.createActor("echoer", new Echoer());
			// asked for 100 ms: in slots of the narrowest width that would be a dozen slots
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
			int n = 0;
			while (System.nanoTime() < until) {
				assertThat(echoer.ask(new Echo(n), Integer.class, Duration.ofHours(1)).get(30, TimeUnit.SECONDS))
					.isEqualTo(n++);
			}
			assertThat(CoreAccess.kernel(core).pendingAskTimeouts()).isZero();
			// an hour's asks share slots of about 34 s: the 100 ms fell in one or two
			assertThat(CoreAccess.kernel(core).timerTasks()).isBetween(1, 2);
		}
		finally {
			core.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void askAfterShutdownIsRefusedNamingTheActor() {
		Core core = Core.create();
		ActorProxy<Echoer> echoer = core.createActor("echoer", new Echoer());
		core.shutdown(Duration.ofSeconds(1));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> echoer.ask(new Echo(1), Integer.class).get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(UndeliverableMessageException.class)
			.withMessageContaining("'echoer'");
	}


	record Tick() implements Message {
	}

	/** Counts the ticks of its timer. */
	static class Ticking implements Actor {

		final CountDownLatch ticks = new CountDownLatch(3);

		@Override
		public void initialize(Context context) {
			context.timers().schedule("tick", new Tick(), Schedule.every(Duration.ofMillis(10)));
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.ticks.countDown();
		}

	}

	@Test
	void aCallbackBlockingOnATimedOutAskDelaysNeitherOtherTimeoutsNorTimers() throws Exception {
		Core core = Core.create();
		CountDownLatch release = new CountDownLatch(1);
		try {
			ActorProxy<Silent> silent = core.createActor("silent", new Silent());
			CountDownLatch blocking = new CountDownLatch(1);
			silent.ask(new Question(1), Integer.class, Duration.ofMillis(50)).whenComplete((value, error) -> {
				blocking.countDown();
				try {
					release.await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(blocking.await(30, TimeUnit.SECONDS)).isTrue();
			// the first ask's callback is still blocked: the next timeout and the timer go on
			CompletableFuture<Integer> second = silent.ask(new Question(2), Integer.class, Duration.ofMillis(50));
			assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AskTimeoutException.class);
			Ticking ticking = new Ticking();
			core.createActor("ticking", ticking);
			assertThat(ticking.ticks.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			release.countDown();
			// the silent actor's stages never complete: shutdown ends it when its time is up
			core.shutdown(Duration.ofSeconds(1));
		}
	}

}
