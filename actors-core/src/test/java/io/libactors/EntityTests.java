package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Entities: activated by their first message, passivated when idle, their state kept across
 * activations, and no message lost, reordered per sender or handled by two activations at once
 * while they come and go.
 */
class EntityTests {

	private final List<Core> cores = new ArrayList<>();

	/** What every activation made by this test's templates reports. */
	private final Map<String, List<String>> lifecycle = new ConcurrentHashMap<>();

	private final AtomicInteger activations = new AtomicInteger();

	private final AtomicInteger destroyed = new AtomicInteger();

	@AfterEach
	void shutdown() {
		this.cores.forEach((core) -> core.shutdown(Duration.ofSeconds(30)));
	}

	record Deposit(String sender, long sequence, long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	record Balance(long amount, Map<String, Long> lastSeen) {
	}

	record Who() implements Message {
	}

	/** A bank account: counts money, and each sender's sequence numbers must only grow. */
	class Account implements StatefulActor<Balance> {

		private long amount;

		private Map<String, Long> lastSeen = new HashMap<>();

		private String name = "?";

		private @Nullable String restored;

		@Override
		public void restore(Balance state) {
			this.amount = state.amount();
			this.lastSeen = new HashMap<>(state.lastSeen());
			// recorded in initialize, which knows the name
			this.restored = "restore " + state.amount();
		}

		@Override
		public void initialize(Context context) {
			this.name = context.name();
			if (this.restored != null) {
				record(this.restored);
			}
			record("initialize " + this.amount);
		}

		@MessageHandler
		void on(Deposit deposit) {
			Long last = this.lastSeen.put(deposit.sender(), deposit.sequence());
			if (last != null && last >= deposit.sequence()) {
				record("out of order " + deposit.sender() + " " + last + " then " + deposit.sequence());
			}
			this.amount += deposit.amount();
		}

		@MessageHandler
		long on(GetBalance get) {
			return this.amount;
		}

		@MessageHandler
		String on(Context context, Who who) {
			return context.name();
		}

		@MessageHandler
		void on(ShutdownMessage shutdown) {
			record("shutdown " + this.amount);
		}

		@Override
		public Balance state() {
			return new Balance(this.amount, Map.copyOf(this.lastSeen));
		}

		private void record(String event) {
			EntityTests.this.lifecycle.computeIfAbsent(this.name, (key) -> new CopyOnWriteArrayList<>()).add(event);
		}

	}

	/** An entity that is not a StatefulActor: it starts empty each time. */
	public static class Counter implements Actor {

		private int count;

		@MessageHandler
		int on(Who who) {
			return ++this.count;
		}

	}

	/** Holds its ShutdownMessage until the test releases it, and adds 100 as it ends. */
	class SlowToStop implements StatefulActor<Long> {

		private long amount;

		@Override
		public void restore(Long state) {
			this.amount = state;
		}

		@MessageHandler
		void on(Deposit deposit) {
			this.amount += deposit.amount();
		}

		@MessageHandler
		long on(GetBalance get) {
			return this.amount;
		}

		@MessageHandler
		CompletionStage<Void> on(ShutdownMessage shutdown) {
			this.amount += 100;
			EntityTests.this.shutdownBegan.countDown();
			return EntityTests.this.releaseShutdown;
		}

		@Override
		public Long state() {
			return this.amount;
		}

	}

	private final CountDownLatch shutdownBegan = new CountDownLatch(1);

	private final CompletableFuture<Void> releaseShutdown = new CompletableFuture<>();

	private Core core(Duration passivateAfter) {
		return core(Core.builder().passivateAfter(passivateAfter));
	}

	private Core core(Core.Builder builder) {
		ActorTemplates byConstructor = ActorTemplates.byConstructor();
		Core core = builder.templates((type) -> {
			if (type == SlowToStop.class) {
				return new ActorTemplate("slow", SlowToStop::new, Supervision.RESUME, null);
			}
			if (type != Account.class) {
				return byConstructor.find(type);
			}
			return new ActorTemplate("account", () -> {
				this.activations.incrementAndGet();
				return new Account();
			}, Supervision.RESUME, (done) -> this.destroyed.incrementAndGet());
		}).build();
		this.cores.add(core);
		return core;
	}

	private List<String> lifecycleOf(String name) {
		return this.lifecycle.getOrDefault(name, List.of());
	}

	@Test
	void anEntityIsActivatedByItsFirstMessageUnderTemplateSlashId() throws Exception {
		Core core = core(Duration.ZERO);
		ActorProxy<Account> alice = core.entity(Account.class, "alice");
		assertThat(alice.name()).isEqualTo("account/alice");
		assertThat(alice.isAlive()).isFalse();
		assertThat(this.activations).hasValue(0);

		assertThat(alice.ask(new Who(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("account/alice");
		assertThat(alice.isAlive()).isTrue();
		assertThat(core.find("account/alice")).isPresent();
		assertThat(this.activations).hasValue(1);
	}

	@Test
	void theSameTypeAndIdAlwaysDesignateTheSameEntity() throws Exception {
		Core core = core(Duration.ZERO);
		core.entity(Account.class, "alice").tell(new Deposit("test", 1, 40));
		core.entity(Account.class, "alice").tell(new Deposit("test", 2, 2));
		core.entity(Account.class, "bob").tell(new Deposit("test", 1, 7));

		assertThat(core.entity(Account.class, "alice").ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS))
			.isEqualTo(42L);
		assertThat(core.entity(Account.class, "bob").ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS))
			.isEqualTo(7L);
		assertThat(core.entity(Account.class, "alice")).isEqualTo(core.entity(Account.class, "alice"))
			.isNotEqualTo(core.entity(Account.class, "bob"));
		assertThat(this.activations).hasValue(2);
	}

	@Test
	void anIdleEntityPassivatesAndItsNextActivationRestoresItsStateBeforeInitialize() throws Exception {
		Core core = core(Duration.ofMillis(50));
		ActorProxy<Account> alice = core.entity(Account.class, "alice");
		alice.tell(new Deposit("test", 1, 42));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.destroyed.get() == 1);
		assertThat(alice.isAlive()).isFalse();
		assertThat(lifecycleOf("account/alice")).containsExactly("initialize 0", "shutdown 42");

		assertThat(alice.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(42L);
		assertThat(lifecycleOf("account/alice")).containsExactly("initialize 0", "shutdown 42", "restore 42",
				"initialize 42");
		assertThat(this.activations).hasValue(2);
	}

	@Test
	void anEntityThatIsNotStatefulStartsAfreshAfterPassivation() throws Exception {
		Core core = core(Duration.ofMillis(50));
		ActorProxy<Counter> counter = core.entity(Counter.class, "c");
		assertThat(counter.ask(new Who(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(counter.ask(new Who(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(2);

		await().atMost(Duration.ofSeconds(30)).until(() -> !counter.isAlive());
		assertThat(counter.ask(new Who(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void stopPassivatesNowAndTheNextMessageActivatesAgain() throws Exception {
		Core core = core(Duration.ZERO);
		ActorProxy<Account> alice = core.entity(Account.class, "alice");
		alice.tell(new Deposit("test", 1, 5));
		alice.stop().get(30, TimeUnit.SECONDS);
		assertThat(alice.isAlive()).isFalse();
		assertThat(this.destroyed).hasValue(1);

		alice.tell(new Deposit("test", 2, 5));
		assertThat(alice.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(10L);
		assertThat(this.activations).hasValue(2);
	}

	@Test
	void theNextActivationTakesNoTurnBeforeTheEndingOneHasSavedItsState() throws Exception {
		Core core = core(Duration.ZERO);
		ActorProxy<SlowToStop> slow = core.entity(SlowToStop.class, "s");
		slow.tell(new Deposit("test", 1, 5));
		CompletableFuture<Void> stopped = slow.stop();
		assertThat(this.shutdownBegan.await(30, TimeUnit.SECONDS)).isTrue();

		// the next activation is made now and holds this ask until the ending one has saved 105
		CompletableFuture<Long> balance = slow.ask(new GetBalance(), Long.class, Duration.ofSeconds(30));
		this.releaseShutdown.complete(null);
		assertThat(balance.get(30, TimeUnit.SECONDS)).isEqualTo(105L);
		assertThat(stopped).isDone();
	}

	@Test
	void idsAreCheckedLikeNames() {
		Core core = core(Duration.ZERO);
		assertThatThrownBy(() -> core.entity(Account.class, "a\nb")).isInstanceOf(ActorNameException.class)
			.hasMessageContaining("Entity id 'a?b'")
			.hasMessageContaining("no control characters");
		assertThatThrownBy(() -> core.entity(Account.class, "x".repeat(129))).isInstanceOf(ActorNameException.class)
			.hasMessageContaining("Entity id")
			.hasMessageContaining("1 to 128 characters, not 129");
		assertThatThrownBy(() -> core.entity(Account.class, "a/b")).isInstanceOf(ActorNameException.class)
			.hasMessageContaining("no '/'");
		assertThatThrownBy(() -> core.entity(Account.class, "")).isInstanceOf(ActorNameException.class);
		assertThat(this.activations).hasValue(0);
	}

	/** No public no-argument constructor: no template. */
	static class NoTemplate implements Actor {

		NoTemplate(int unused) {
		}

	}

	/** Two handlers for one type. */
	public static class TwoHandlers implements Actor {

		@MessageHandler
		void first(Who who) {
		}

		@MessageHandler
		void second(Who who) {
		}

	}

	@Test
	void aTypeWithoutTemplateOrWithBadHandlersIsRefusedWhenItsProxyIsMade() {
		Core core = core(Duration.ZERO);
		assertThatThrownBy(() -> core.entity(NoTemplate.class, "x")).isInstanceOf(ActorException.class)
			.hasMessageContaining("No template for entity type " + NoTemplate.class.getName())
			.hasMessageContaining("public no-argument constructor");
		assertThatThrownBy(() -> core.entity(TwoHandlers.class, "x")).isInstanceOf(HandlerRegistrationException.class)
			.hasMessageContaining("TwoHandlers has two @MessageHandler methods");
	}

	@Test
	void theActorLimitCountsLiveEntities() throws Exception {
		Core core = core(Core.builder().passivateAfter(Duration.ZERO).maxActors(2));
		core.entity(Account.class, "a").tell(new Deposit("test", 1, 1));
		core.entity(Account.class, "b").tell(new Deposit("test", 1, 1));
		assertThatThrownBy(() -> core.entity(Account.class, "c").tell(new Deposit("test", 1, 1)))
			.isInstanceOf(ActorException.class)
			.hasMessageContaining("limit of 2");
		assertThat(core.entity(Account.class, "c").ask(new GetBalance(), Long.class))
			.failsWithin(Duration.ofSeconds(30))
			.withThrowableThat()
			.withMessageContaining("limit of 2");

		core.entity(Account.class, "a").stop().get(30, TimeUnit.SECONDS);
		core.entity(Account.class, "c").tell(new Deposit("test", 1, 1));
		assertThat(core.entity(Account.class, "c").ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS))
			.isEqualTo(1L);
	}

	@Test
	void entitiesDoNotReceivePublishedMessages() throws Exception {
		Core core = core(Duration.ZERO);
		ActorProxy<Account> alice = core.entity(Account.class, "alice");
		alice.tell(new Deposit("test", 1, 1));
		core.publish(new Deposit("test", 2, 100));
		assertThat(alice.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(1L);
	}

	/**
	 * Senders hammer a few entities that passivate every few milliseconds: every deposit is
	 * counted once, each sender's deposits arrive in order, and an entity's activations never
	 * overlap (each starts with the amount the previous one ended with).
	 */
	@Test
	void mailRacingPassivationIsNeitherLostNorReorderedNorHandledTwice() throws Exception {
		Core core = core(Duration.ofMillis(2));
		int senders = 6;
		int perSender = 3_000;
		String[] ids = { "a", "b", "c" };
		LongAdder told = new LongAdder();
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		// Between rounds every sender waits while one of them pauses for 0 to 10 ms: some pauses are
		// long enough for the entities to passivate, and the next round's mail races their end.
		CyclicBarrier rounds = new CyclicBarrier(senders, () -> {
			try {
				Thread.sleep(ThreadLocalRandom.current().nextInt(11));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			String sender = "sender-" + s;
			running.add(pool.submit(() -> {
				for (int i = 1; i <= perSender; i++) {
					for (String id : ids) {
						core.entity(Account.class, id).tell(new Deposit(sender, i, 1));
						told.increment();
					}
					if (i % 100 == 0) {
						rounds.await(120, TimeUnit.SECONDS);
					}
				}
				return null;
			}));
		}
		for (Future<?> future : running) {
			future.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();

		long total = 0;
		for (String id : ids) {
			total += core.entity(Account.class, id).ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS);
		}
		assertThat(total).isEqualTo(told.sum()).isEqualTo((long) senders * perSender * ids.length);
		assertThat(core.deadLetterCount()).isZero();
		for (String id : ids) {
			List<String> events = lifecycleOf("account/" + id);
			assertThat(events).noneMatch((event) -> event.startsWith("out of order"));
			// activations in sequence: each restores what the one before it shut down with
			String ended = null;
			for (String event : events) {
				if (event.startsWith("restore ")) {
					assertThat(event.substring(8)).isEqualTo(ended);
				}
				if (event.startsWith("shutdown ")) {
					ended = event.substring(9);
				}
			}
		}
		assertThat(this.activations.get()).as("the entities passivated while mail came").isGreaterThan(ids.length);
	}

}
