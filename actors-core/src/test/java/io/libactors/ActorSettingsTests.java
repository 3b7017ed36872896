package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ActorSettingsTests {

	record Block() implements Message {
	}

	record Item(int n) implements Message {
	}

	record Silent() implements Message {
	}

	/** Handles items until told to block; never answers {@link Silent}. */
	public static class Worker implements Actor {

		static final List<String> handled = Collections.synchronizedList(new ArrayList<>());

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicLong items = new AtomicLong();

		@MessageHandler
		void onBlock(Context context, Block block) throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onItem(Context context, Item item) {
			this.items.incrementAndGet();
			handled.add(context.name());
		}

		@MessageHandler
		CompletableFuture<String> onSilent(Silent silent) {
			return new CompletableFuture<>();
		}

	}

	private Core core;

	private ExecutorService executor;

	@AfterEach
	void shutdown() {
		if (this.core != null) {
			this.core.shutdown(Duration.ofSeconds(1));
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Test
	void anActorsOwnCapacityBoundsItsMailboxFromManySendersWhileOthersStayUnbounded() throws Exception {
		this.core = Core.builder().actorSettings("small", ActorSettings.CORE_DEFAULTS.withMailboxCapacity(1_000)).build();
		Worker small = new Worker();
		Worker large = new Worker();
		ActorProxy<Worker> smallProxy = this.core.createActor("small", small);
		ActorProxy<Worker> largeProxy = this.core.createActor("large", large);
		smallProxy.tell(new Block());
		largeProxy.tell(new Block());
		await().until(() -> this.core.longRunning(Duration.ZERO).keySet().containsAll(List.of("small", "large")));
		AtomicLong refused = new AtomicLong();
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int n = 0; n < 25_000; n++) {
				largeProxy.tell(new Item(n));
				try {
					smallProxy.tell(new Item(n));
				}
				catch (MailboxFullException ex) {
					refused.incrementAndGet();
				}
			}
		});
		assertThat(refused.get()).isEqualTo(99_000);
		assertThat(smallProxy.mailboxSize()).isEqualTo(1_000);
		assertThat(largeProxy.mailboxSize()).isEqualTo(100_000);
		assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> smallProxy.tell(new Item(-1)))
			.withMessageContaining("'small' is full (1000 messages)");
		small.release.countDown();
		large.release.countDown();
		await().until(() -> small.items.get() == 1_000 && large.items.get() == 100_000);
	}

	@Test
	void aTemplatesSettingsReachEveryActorMadeFromItAndAnActorsOwnNameWins() throws Exception {
		this.core = Core.builder()
			.actorSettings("Worker", ActorSettings.CORE_DEFAULTS.withMailboxCapacity(2).withAskTimeout(Duration.ofHours(2)))
			.actorSettings("roomy", ActorSettings.CORE_DEFAULTS.withMailboxCapacity(5))
			.build();
		ActorProxy<Worker> first = this.core.createActor(Worker.class, "first");
		ActorProxy<Worker> roomy = this.core.createActor(Worker.class, "roomy");
		assertThat(fill(first)).isEqualTo(2);
		assertThat(fill(roomy)).isEqualTo(5);
	}

	/** Blocks the actor, then counts the items its mailbox takes before it is full. */
	private int fill(ActorProxy<Worker> proxy) {
		proxy.tell(new Block());
		await().until(() -> this.core.longRunning(Duration.ZERO).containsKey(proxy.name()));
		int n = 0;
		try {
			for (; n < 1_000; n++) {
				proxy.tell(new Item(n));
			}
		}
		catch (MailboxFullException ex) {
			// full
		}
		return n;
	}

	@Test
	void anActorsThroughputIsHowManyMessagesItHandlesBeforeTheNextActorsTurn() throws Exception {
		// one thread, so turns run in the order they were scheduled
		this.executor = Executors.newSingleThreadExecutor();
		this.core = Core.builder()
			.executor(this.executor)
			.actorSettings("polite", ActorSettings.CORE_DEFAULTS.withThroughput(1))
			.build();
		ActorProxy<Worker> polite = this.core.createActor("polite", new Worker());
		ActorProxy<Worker> greedy = this.core.createActor("greedy", new Worker());
		this.core.whenStarted(polite).get(30, TimeUnit.SECONDS);
		this.core.whenStarted(greedy).get(30, TimeUnit.SECONDS);
		Worker.handled.clear();
		CountDownLatch gate = new CountDownLatch(1);
		this.executor.execute(() -> {
			try {
				gate.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		for (int n = 0; n < 3; n++) {
			polite.tell(new Item(n));
		}
		for (int n = 0; n < 3; n++) {
			greedy.tell(new Item(n));
		}
		gate.countDown();
		await().until(() -> Worker.handled.size() == 6);
		assertThat(Worker.handled).containsExactly("polite", "greedy", "greedy", "greedy", "polite", "polite");
	}

	@Test
	void anAskWithoutATimeoutWaitsAsLongAsItsActorsOrItsTemplatesSettingsSay() throws Exception {
		this.core = Core.builder()
			.askTimeout(Duration.ofHours(1))
			.actorSettings("hasty", ActorSettings.CORE_DEFAULTS.withAskTimeout(Duration.ofMillis(200)))
			.actorSettings("later", ActorSettings.CORE_DEFAULTS.withAskTimeout(Duration.ofMillis(200)))
			.actorSettings("Worker", ActorSettings.CORE_DEFAULTS.withAskTimeout(Duration.ofMillis(200)))
			.build();
		ActorProxy<Worker> hasty = this.core.createActor("hasty", new Worker());
		ActorProxy<Worker> entity = this.core.entity(Worker.class, "e-1");
		ActorProxy<Worker> patient = this.core.createActor("patient", new Worker());
		CompletableFuture<String> toHasty = hasty.ask(new Silent(), String.class);
		CompletableFuture<String> toPatient = patient.ask(new Silent(), String.class);
		CompletableFuture<Object> toLater = this.core.proxy("later").ask(new Silent(), Object.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> toHasty.get(60, TimeUnit.SECONDS))
			.withCauseInstanceOf(AskTimeoutException.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> toLater.get(60, TimeUnit.SECONDS))
			.withCauseInstanceOf(AskTimeoutException.class);
		CompletableFuture<String> toEntity = entity.ask(new Silent(), String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> toEntity.get(60, TimeUnit.SECONDS))
			.withCauseInstanceOf(AskTimeoutException.class);
		assertThat(toPatient).isNotDone();
	}

	@Test
	void settingsOutOfRangeAreRefusedNamingThePart() {
		assertThatIllegalArgumentException().isThrownBy(() -> ActorSettings.CORE_DEFAULTS.withMailboxCapacity(-1))
			.withMessageContaining("mailboxCapacity");
		assertThatIllegalArgumentException().isThrownBy(() -> ActorSettings.CORE_DEFAULTS.withThroughput(0))
			.withMessageContaining("throughput");
		assertThatIllegalArgumentException().isThrownBy(() -> ActorSettings.CORE_DEFAULTS.withAskTimeout(Duration.ZERO))
			.withMessageContaining("askTimeout");
	}

}
