package io.libactors;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ten thousand actors come and go: nothing they used stays behind. */
class LeakTests {

	record Ping() implements Message {
	}

	record Beat() implements Message {
	}

	record Note() implements Message {
	}

	static class Visitor implements Actor {

		@Override
		public void initialize(Context context) {
			context.timers().startPeriodic("beat", Duration.ofMinutes(1), new Beat());
		}

		@MessageHandler
		String onPing(Context context, Ping ping) {
			context.actlet(() -> null);
			return "pong";
		}

		@MessageHandler
		void onBeat(Beat beat) {
		}

		@MessageHandler
		void onNote(Note note) {
		}

	}

	@Test
	void tenThousandCreateAndStopCyclesLeaveNoThreadsTimersAsksActorsOrInstances() throws Exception {
		// Bounded executors of its own: any thread the core made per actor would show up here.
		ExecutorService turns = Executors.newFixedThreadPool(2, named("leak-turn-"));
		ExecutorService actlets = Executors.newFixedThreadPool(2, named("leak-actlet-"));
		Core core = Core.builder()
			.executor(turns)
			.actletExecutor(actlets)
			.askTimeout(Duration.ofSeconds(1))
			.build();
		core.createActor("warm-up", new Visitor()).ask(new Ping(), String.class).get(30, TimeUnit.SECONDS);
		core.publish(new Note());
		// Pools grow to what concurrent demand needs in the first thousand cycles, then no more.
		long[] threadsAfterWarmUp = { Long.MAX_VALUE };
		List<WeakReference<Visitor>> samples = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			if (i == 1_000) {
				threadsAfterWarmUp[0] = threads();
			}
			Visitor visitor = new Visitor();
			if (i % 100 == 0) {
				samples.add(new WeakReference<>(visitor));
			}
			ActorProxy<Visitor> proxy = core.createActor("visitor-" + i, visitor);
			assertThat(proxy.ask(new Ping(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("pong");
			proxy.stop().get(30, TimeUnit.SECONDS);
		}
		assertThat(core.actorCount()).isEqualTo(1);
		// No answered ask is held by its timeout; once the asks' slots have ended (a second), the
		// timer holds only the warm-up actor's own timer.
		assertThat(core.kernel().pendingAskTimeouts()).isZero();
		await().until(() -> core.kernel().timerTasks() == 1);
		assertThat(core.deadLetterCount()).isZero();
		await().until(() -> threads() <= threadsAfterWarmUp[0] + 2);
		await().until(() -> {
			System.gc();
			return samples.stream().allMatch((sample) -> sample.get() == null);
		});
		core.publish(new Note());
		assertThat(core.shutdown(Duration.ofSeconds(10))).isTrue();
		turns.shutdown();
		actlets.shutdown();
	}

	@Test
	void aStoppedActorsKeptProxyHoldsNeitherItsInstanceNorWhatItsTurnsUsed() throws Exception {
		Core core = Core.create();
		try {
			Visitor visitor = new Visitor();
			WeakReference<Visitor> instance = new WeakReference<>(visitor);
			ActorProxy<Visitor> proxy = core.createActor("kept", visitor);
			visitor = null;
			assertThat(proxy.ask(new Ping(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("pong");
			proxy.stop().get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				System.gc();
				return instance.get() == null;
			});
			assertThat(proxy.isAlive()).isFalse();
			assertThat(proxy.mailboxSize()).isZero();
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
		}
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> new Thread(task, prefix + count.incrementAndGet());
	}

	private static long threads() {
		return Thread.getAllStackTraces().keySet().stream().filter((thread) -> thread.getName().startsWith("leak-"))
			.count();
	}

}
