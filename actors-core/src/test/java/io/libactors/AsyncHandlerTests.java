package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class AsyncHandlerTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Slow(int n) implements Message {
	}

	record Fast(int n) implements Message {
	}

	static class Holder implements Actor {

		final CompletableFuture<String> gate = new CompletableFuture<>();

		final List<String> events = new CopyOnWriteArrayList<>();

		volatile Thread completer;

		@MessageHandler
		CompletionStage<String> onSlow(Slow slow) {
			this.events.add("slow started");
			return this.gate.thenApply((value) -> {
				this.events.add("slow done");
				return value + slow.n();
			});
		}

		@MessageHandler
		String onFast(Fast fast) {
			this.events.add("fast " + fast.n());
			assertThat(Thread.currentThread()).isNotSameAs(this.completer);
			return "fast";
		}

	}

	@Test
	void aCompletionStageHoldsTheActorUntilItCompletes() throws Exception {
		Holder holder = new Holder();
		ActorProxy<Holder> actor = this.core.createActor("holder", holder);
		CompletableFuture<String> slow = actor.ask(new Slow(1), String.class);
		CompletableFuture<String> fast = actor.ask(new Fast(2), String.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> holder.events.contains("slow started"));
		assertThat(fast).isNotDone();
		assertThat(actor.mailboxSize()).isEqualTo(1);
		Thread completer = new Thread(() -> holder.gate.complete("value "));
		holder.completer = completer;
		completer.start();
		assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("value 1");
		assertThat(fast.get(30, TimeUnit.SECONDS)).isEqualTo("fast");
		assertThat(holder.events).containsExactly("slow started", "slow done", "fast 2");
	}

	@Test
	void anExceptionalStageIsAHandlerFailure() {
		Holder holder = new Holder();
		ActorProxy<Holder> actor = this.core.createActor("holder", holder);
		CompletableFuture<String> slow = actor.ask(new Slow(1), String.class);
		holder.gate.completeExceptionally(new IllegalStateException("boom"));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> slow.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.core.actor("holder").orElseThrow().failed() == 1);
	}

	@Test
	void anAlreadyCompletedStageGoesOnInTheSameTurn() throws Exception {
		Holder holder = new Holder();
		holder.gate.complete("ready ");
		ActorProxy<Holder> actor = this.core.createActor("holder", holder);
		for (int i = 0; i < 1_000; i++) {
			actor.tell(new Slow(i));
		}
		assertThat(actor.ask(new Slow(1_000), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("ready 1000");
		assertThat(this.core.actor("holder").orElseThrow().processed()).isEqualTo(1_001);
	}

}
