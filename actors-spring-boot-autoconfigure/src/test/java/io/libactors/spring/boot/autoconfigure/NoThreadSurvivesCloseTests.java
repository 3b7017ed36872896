package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every thread the starter starts (dispatchers, its ask timer, its private scheduler) ends with the context. */
class NoThreadSurvivesCloseTests {

	record Busy(int n) implements Message {
	}

	record Tick() implements Message {
	}

	@ActorComponent("worker")
	static class Worker implements Actor {

		int ticks;

		@Override
		public void initialize(Context context) {
			context.timers().startPeriodic("tick", Duration.ofMillis(5), new Tick());
		}

		@MessageHandler
		int onBusy(Context context, Busy busy) {
			context.actlet(() -> new Tick());
			return busy.n();
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.ticks++;
		}

	}

	@Test
	void closingTheContextEndsEveryThreadTheActorsUsed() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ActorsAutoConfiguration.class))
			.withUserConfiguration(Worker.class)
			.run((context) -> {
				Core core = context.getBean(Core.class);
				for (int i = 0; i < 100; i++) {
					assertThat(core.find("worker").orElseThrow().ask(new Busy(i), Integer.class).get(30, TimeUnit.SECONDS))
						.isEqualTo(i);
				}
				assertThat(started(before)).isNotEmpty();
			});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started(before)).isEmpty());
	}

	@ActorComponent("doomed")
	static class Doomed implements Actor {

		@Override
		public void initialize(Context context) {
			context.actlet(() -> new Tick());
			throw new IllegalStateException("no start");
		}

		@MessageHandler
		void onTick(Tick tick) {
		}

	}

	@Test
	void aContextWhoseStartFailsEndsEveryThreadTheActorsUsedToo() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class, ActorsAutoConfiguration.class))
			.withUserConfiguration(Worker.class, Doomed.class)
			.run((context) -> assertThat(context).hasFailed());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started(before)).isEmpty());
	}

	/** Live threads started since {@code before}, by name. */
	private static Set<String> started(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.isAlive())
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("awaitility"))
			.collect(Collectors.toSet());
	}

}
