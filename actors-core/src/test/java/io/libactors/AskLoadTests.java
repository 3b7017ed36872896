package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

class AskLoadTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(1));
	}

	record Question(int n) implements Message {
	}

	/** Never answers: its first stage never completes, so every later ask waits too. */
	static class Silent implements Actor {

		@MessageHandler
		CompletionStage<Integer> onQuestion(Question question) {
			return new CompletableFuture<>();
		}

	}

	@Test
	void asksThatGetNoReplyAllTimeOutAndLeaveNoTimerBehind() {
		ActorProxy<Silent> silent = this.core.createActor("silent", new Silent());
		List<CompletableFuture<Integer>> asks = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			asks.add(silent.ask(new Question(i), Integer.class, Duration.ofMillis(200)));
		}
		CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).handle((value, error) -> null).join();
		assertThat(asks).allSatisfy((ask) -> assertThat(ask).isCompletedExceptionally()
			.failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(AskTimeoutException.class));
		assertThat(this.core.kernel().pendingAskTimeouts()).isZero();
	}

	record Echo(int n) implements Message {
	}

	static class Echoer implements Actor {

		@MessageHandler
		int onEcho(Echo echo) {
			return echo.n();
		}

	}

	@Test
	void answeredAsksLeaveNoTimeoutBehind() throws Exception {
		ActorProxy<Echoer> echoer = this.core.createActor("echoer", new Echoer());
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int i = 0; i < 5_000; i++) {
				assertThat(echoer.ask(new Echo(i), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(i);
			}
		});
		assertThat(this.core.kernel().pendingAskTimeouts()).isZero();
	}

	@Test
	void virtualThreadsRunHandlersWhereAvailable() throws Exception {
		assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
		Core virtual = Core.builder().virtualThreads(true).build();
		try {
			ActorProxy<Actor> actor = virtual.createActor("virtual", new Actor() {
				@MessageHandler
				boolean onEcho(Echo echo) throws Exception {
					return (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
				}
			});
			assertThat(actor.ask(new Echo(1), Boolean.class).get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			virtual.shutdown(Duration.ofSeconds(5));
		}
	}

}
