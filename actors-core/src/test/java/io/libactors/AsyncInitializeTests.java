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

/**
 * An actor whose start waits on a stage takes no message until it completes, and one whose stage
 * fails stops as a throwing {@code initialize} does; a caller can wait for the start and for the
 * end without causing either.
 */
class AsyncInitializeTests {

	/** Turns run on the thread that gives the actor mail: what is not held is handled at once. */
	private final Core core = Core.builder().executor(Runnable::run).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Work(int n) implements Message {
	}

	/** Starts once {@code connected} completes; notes whether it had when each message came. */
	static class Client implements Actor {

		final CompletableFuture<String> connected = new CompletableFuture<>();

		final List<String> handled = new CopyOnWriteArrayList<>();

		volatile boolean initialized;

		@Override
		public void initialize(Context context) {
			this.initialized = true;
		}

		@Override
		public CompletionStage<?> initializeAsync(Context context) {
			return this.connected;
		}

		@MessageHandler
		void on(Work work) {
			this.handled.add(work.n() + (this.connected.isDone() ? " after" : " before"));
		}

	}

	@Test
	void anActorTakesNoMessageUntilItsStartHasCompleted() throws Exception {
		Client client = new Client();
		ActorProxy<Client> proxy = this.core.createActor("client", client);
		for (int i = 1; i <= 3; i++) {
			proxy.tell(new Work(i));
		}
		assertThat(client.initialized).isTrue();
		assertThat(client.handled).isEmpty();
		CompletableFuture<Void> started = this.core.whenStarted(proxy);
		assertThat(started).isNotDone();
		client.connected.complete("connected");
		started.get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> client.handled.size() == 3);
		assertThat(client.handled).containsExactly("1 after", "2 after", "3 after");
	}

	@Test
	void anActorWhoseStartFailsStopsAndSaysWhy() throws Exception {
		Client client = new Client();
		ActorProxy<Client> proxy = this.core.createActor("client", client);
		proxy.tell(new Work(1));
		CompletableFuture<Void> stopped = this.core.whenStopped(proxy);
		client.connected.completeExceptionally(new IllegalStateException("connection refused"));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.core.whenStarted(proxy).get(30, TimeUnit.SECONDS))
			.withRootCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("connection refused");
		stopped.get(30, TimeUnit.SECONDS);
		assertThat(proxy.isAlive()).isFalse();
		assertThat(client.handled).isEmpty();
		assertThat(this.core.deadLetterCount()).isEqualTo(1);
	}

	@Test
	void whenStoppedWaitsForTheEndWithoutCausingIt() throws Exception {
		Client client = new Client();
		client.connected.complete("connected");
		ActorProxy<Client> proxy = this.core.createActor("client", client);
		CompletableFuture<Void> stopped = this.core.whenStopped(proxy);
		stopped.cancel(false); // the caller's own copy: the actor goes on
		CompletableFuture<Void> again = this.core.whenStopped(proxy);
		assertThat(again).isNotDone();
		assertThat(proxy.isAlive()).isTrue();
		proxy.stop().get(30, TimeUnit.SECONDS);
		again.get(30, TimeUnit.SECONDS);
		assertThat(this.core.whenStopped(proxy)).isDone();
	}

}
