package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.libactors.Actor;
import io.libactors.AskTimeoutException;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ask made after the application's scheduler has shut down (at ContextClosedEvent) still
 * times out on time: ask timeouts run on the starter's own timer.
 */
class AskDuringCloseTests {

	record Slow() implements Message {
	}

	@ActorComponent("sloth")
	static class Sloth implements Actor {

		@MessageHandler
		String onSlow(Slow slow) throws InterruptedException {
			Thread.sleep(500);
			return "late";
		}

	}

	static final CompletableFuture<Throwable> outcome = new CompletableFuture<>();

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class AskOnClose {

		/** Asks while closing, once the application's scheduler is down (whatever the listener order). */
		@Bean
		ApplicationListener<ContextClosedEvent> askWhileClosing(Core core, ThreadPoolTaskScheduler scheduler) {
			return (event) -> {
				scheduler.shutdown();
				core.find("sloth")
					.orElseThrow()
					.ask(new Slow(), String.class, Duration.ofMillis(100))
					.whenComplete((reply, error) -> outcome.complete(error));
			};
		}

	}

	@Test
	void anAskAfterTheSchedulerShutDownStillTimesOut() throws Exception {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, ActorsAutoConfiguration.class))
			.withUserConfiguration(Sloth.class, AskOnClose.class)
			.run((context) -> assertThat(context).hasNotFailed());
		Throwable error = outcome.get(30, TimeUnit.SECONDS);
		assertThat(error).isInstanceOf(AskTimeoutException.class).hasMessageContaining("sloth").hasMessageContaining("Slow");
	}

}
