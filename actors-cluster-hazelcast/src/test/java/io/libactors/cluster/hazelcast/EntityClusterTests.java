package io.libactors.cluster.hazelcast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Envelope;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.ShutdownMessage;
import io.libactors.StatefulActor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Entities on three Hazelcast members in one JVM, each with its own core: any member reaches
 * any entity, each sender's messages arrive in order, an entity is active on one member at a
 * time, and members joining or leaving under load lose and double nothing.
 */
class EntityClusterTests {

	/** Live activations per entity, across all members (one JVM): never more than one. */
	static final Map<String, AtomicInteger> live = new ConcurrentHashMap<>();

	static final AtomicInteger activations = new AtomicInteger();

	static final AtomicInteger overlaps = new AtomicInteger();

	static final AtomicInteger outOfOrder = new AtomicInteger();

	private final String clusterName = "libactors-test-" + UUID.randomUUID();

	private final List<Node> nodes = new ArrayList<>();

	record Deposit(String sender, long sequence, long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	record Loop(int left) implements Message {
	}

	static final AtomicInteger loopsDone = new AtomicInteger();

	record Balance(long amount, Map<String, Long> lastSeen) {
	}

	/** An account: counts money; each sender's sequence numbers only grow. */
	public static class Account implements StatefulActor<Balance> {

		private long amount;

		private Map<String, Long> lastSeen = new HashMap<>();

		private String name = "?";

		@Override
		public void restore(Balance state) {
			this.amount = state.amount();
			this.lastSeen = new HashMap<>(state.lastSeen());
		}

		@Override
		public void initialize(Context context) {
			this.name = context.name();
			activations.incrementAndGet();
			if (live.computeIfAbsent(this.name, (key) -> new AtomicInteger()).incrementAndGet() > 1) {
				overlaps.incrementAndGet();
			}
		}

		@MessageHandler
		void on(Deposit deposit) {
			Long last = this.lastSeen.put(deposit.sender(), deposit.sequence());
			if (last != null && last >= deposit.sequence()) {
				outOfOrder.incrementAndGet();
			}
			this.amount += deposit.amount();
		}

		@MessageHandler
		long on(GetBalance get) {
			return this.amount;
		}

		@MessageHandler
		void on(ShutdownMessage shutdown) {
			live.get(this.name).decrementAndGet();
		}

		@Override
		public Balance state() {
			return new Balance(this.amount, Map.copyOf(this.lastSeen));
		}

	}

	/** Not stateful: when it passivates, it deposits 1 into the account {@code sink}, 20 times. */
	public static class Forwarder implements io.libactors.Actor {

		@MessageHandler
		void on(Deposit deposit) {
		}

		/** Tells itself the rest, through {@code context.self()}. */
		@MessageHandler
		void on(Context context, Loop loop) {
			if (loop.left() > 0) {
				context.self().tell(new Loop(loop.left() - 1));
			}
			else {
				loopsDone.incrementAndGet();
			}
		}

		@MessageHandler
		void on(Context context, ShutdownMessage shutdown) {
			for (int i = 1; i <= 20; i++) {
				context.core().entity(Account.class, "sink").tell(new Deposit(context.name(), i, 1));
			}
		}

	}

	/** One instance: a member, its router and its core. */
	record Node(HazelcastInstance hazelcast, HazelcastEntityRouter router, Core core) {

		void leave() {
			this.router.leave(Duration.ofSeconds(30));
			this.core.shutdown(Duration.ofSeconds(30));
			this.hazelcast.shutdown();
			this.router.close();
		}

	}

	private Node start() {
		return start(Duration.ZERO);
	}

	private Node start(Duration passivateAfter) {
		HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(LoopbackMember.config(this.clusterName));
		HazelcastEntityRouter router = new HazelcastEntityRouter(hazelcast,
				EntityClusterTests::template, JsonMapper.builder().build());
		Core core = Core.builder()
			.entityRouter(router)
			.entityStateStore(router)
			.monitor(router)
			.passivateAfter(passivateAfter)
			.askTimeout(Duration.ofSeconds(30))
			.build();
		router.start(core);
		Node node = new Node(hazelcast, router, core);
		this.nodes.add(node);
		return node;
	}

	private static @Nullable Class<? extends io.libactors.Actor> template(String name) {
		return switch (name) {
			case "Account" -> Account.class;
			case "Forwarder" -> Forwarder.class;
			default -> null;
		};
	}

	@BeforeEach
	void forgetEarlierRuns() {
		live.clear();
		activations.set(0);
		overlaps.set(0);
		outOfOrder.set(0);
		loopsDone.set(0);
	}

	@AfterEach
	void stop() {
		for (Node node : this.nodes) {
			if (node.hazelcast().getLifecycleService().isRunning()) {
				node.core().shutdown(Duration.ofSeconds(30));
				node.hazelcast().shutdown();
				node.router().close();
			}
		}
	}

	private long balance(Node node, String id) throws Exception {
		return node.core().entity(Account.class, id).ask(new GetBalance(), Long.class).get(60, TimeUnit.SECONDS);
	}

	private static void stopSending(AtomicBoolean sending, ExecutorService senders, List<Future<?>> running)
			throws Exception {
		sending.set(false);
		for (Future<?> future : running) {
			future.get(120, TimeUnit.SECONDS);
		}
		senders.shutdown();
	}

	/** Waits until the balances of the entities {@code prefix0..} add up to {@code told}. */
	private void awaitTotal(Node node, String prefix, int entities, long told) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			long total = 0;
			for (int e = 0; e < entities; e++) {
				total += balance(node, prefix + e);
			}
			return total == told;
		});
	}

	@Test
	void everyMemberReachesEveryEntityWhichIsActiveOnOneMemberOnly() throws Exception {
		Node a = start();
		Node b = start();
		Node c = start();
		List<Node> all = List.of(a, b, c);
		// partitions settled: no entity moves, so each is activated once
		await().atMost(Duration.ofSeconds(60)).until(() -> a.hazelcast().getPartitionService().isClusterSafe());
		int entities = 30;
		for (int i = 0; i < entities; i++) {
			for (Node node : all) {
				node.core().entity(Account.class, "e" + i).tell(new Deposit("test", 0, 10));
			}
		}
		for (int i = 0; i < entities; i++) {
			String id = "e" + i;
			// the tells from the other members may still be on their way (FIFO is per sender)
			await().atMost(Duration.ofSeconds(60)).until(() -> balance(a, id) == 30);
			for (Node node : all) {
				assertThat(balance(node, id)).isEqualTo(30);
			}
		}
		assertThat(activations).hasValue(entities);
		assertThat(overlaps).hasValue(0);
		int activeSomewhere = 0;
		for (Node node : all) {
			activeSomewhere += node.core().actors().size();
		}
		assertThat(activeSomewhere).isEqualTo(entities);
		assertThat(a.core().actors()).isNotEmpty();
		assertThat(b.core().actors()).isNotEmpty();
		assertThat(c.core().actors()).isNotEmpty();
	}

	/**
	 * Senders on every member send numbered deposits to entities all over the cluster; each
	 * entity sees each sender's deposits in order, and every deposit is counted once.
	 */
	@Test
	void eachSendersMessagesArriveInOrderAcrossMembers() throws Exception {
		List<Node> all = List.of(start(), start(), start());
		int entities = 12;
		int perSender = 1_000;
		ExecutorService senders = Executors.newFixedThreadPool(all.size() * 2);
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < all.size() * 2; s++) {
			Node node = all.get(s % all.size());
			String sender = "sender-" + s;
			running.add(senders.submit(() -> {
				for (int n = 1; n <= perSender; n++) {
					for (int e = 0; e < entities; e++) {
						node.core().entity(Account.class, "f" + e).tell(new Deposit(sender, n, 1));
					}
				}
				return null;
			}));
		}
		for (Future<?> future : running) {
			future.get(120, TimeUnit.SECONDS);
		}
		senders.shutdown();
		long expected = (long) all.size() * 2 * perSender;
		for (int e = 0; e < entities; e++) {
			String id = "f" + e;
			await().atMost(Duration.ofSeconds(60)).until(() -> balance(all.get(0), id) == expected);
		}
		assertThat(outOfOrder).hasValue(0);
		assertThat(overlaps).hasValue(0);
	}

	/**
	 * Senders on two members keep depositing while a third member joins and then leaves: the
	 * entities move twice, and every accepted deposit is counted exactly once, in order.
	 */
	@Test
	void membersJoiningAndLeavingUnderLoadLoseAndDoubleNothing() throws Exception {
		Node a = start();
		Node b = start();
		int entities = 40;
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicLong told = new AtomicLong();
		CountDownLatch warm = new CountDownLatch(2);
		ExecutorService senders = Executors.newFixedThreadPool(2);
		List<Future<?>> running = new ArrayList<>();
		for (Node node : List.of(a, b)) {
			String sender = "from-" + node.hazelcast().getName();
			running.add(senders.submit(() -> {
				long n = 0;
				while (sending.get()) {
					n++;
					for (int e = 0; e < entities; e++) {
						node.core().entity(Account.class, "g" + e).tell(new Deposit(sender, n, 1));
						told.incrementAndGet();
					}
					if (n == 50) {
						warm.countDown();
					}
				}
				return null;
			}));
		}
		assertThat(warm.await(60, TimeUnit.SECONDS)).isTrue();
		Node c = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> c.core().actors().size() > 0);
		c.leave();
		stopSending(sending, senders, running);
		awaitTotal(a, "g", entities, told.get());
		assertThat(outOfOrder).hasValue(0);
		assertThat(overlaps).hasValue(0);
		assertThat(a.core().deadLetterCount() + b.core().deadLetterCount()).isZero();
	}

	/**
	 * Entities passivate for idleness every few milliseconds while mail keeps coming and a
	 * member joins and leaves: mail racing a passivation activates the entity again, and that
	 * activation is the one the record knows, so the entity never runs on two members at once
	 * and every deposit counts once.
	 */
	@Test
	void entitiesPassivatingAsMailArrivesAndMembersMoveRunOnOneMemberAtATime() throws Exception {
		Duration idle = Duration.ofMillis(20);
		Node a = start(idle);
		Node b = start(idle);
		int entities = 20;
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicLong told = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(2);
		List<Future<?>> running = new ArrayList<>();
		for (Node node : List.of(a, b)) {
			String sender = "from-" + node.hazelcast().getName();
			running.add(senders.submit(() -> {
				long n = 0;
				while (sending.get()) {
					n++;
					for (int e = 0; e < entities; e++) {
						node.core().entity(Account.class, "i" + e).tell(new Deposit(sender, n, 1));
						told.incrementAndGet();
					}
					// about as long as the entities stay idle: some passivate just as mail comes
					Thread.sleep(ThreadLocalRandom.current().nextInt(10, 30));
				}
				return null;
			}));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> activations.get() > 3 * entities);
		Node c = start(idle);
		await().atMost(Duration.ofSeconds(60)).until(() -> c.router().host().received() > 200);
		c.leave();
		int before = activations.get();
		await().atMost(Duration.ofSeconds(60)).until(() -> activations.get() > before + 3 * entities);
		stopSending(sending, senders, running);
		awaitTotal(a, "i", entities, told.get());
		assertThat(overlaps).hasValue(0);
		assertThat(outOfOrder).hasValue(0);
	}

	/**
	 * An entity's {@code context.self()} goes through the router like any sender, so mail it
	 * sends itself reaches it on whichever member it lives on by then.
	 */
	@Test
	void anEntityReachesItselfThroughTheRouter() {
		Node node = start();
		long before = node.router().sent();
		node.core().entity(Forwarder.class, "loop").tell(new Loop(5));
		await().atMost(Duration.ofSeconds(30)).until(() -> loopsDone.get() == 1);
		assertThat(node.router().sent() - before).isEqualTo(6);
	}

	/**
	 * The release that an ending activation sends can arrive after mail has activated the entity
	 * again on the same member: the record goes on saying where the newer activation is.
	 */
	@Test
	void aLateReleaseLeavesTheRecordWithTheNewerActivation() throws Exception {
		Node node = start();
		String local = node.hazelcast().getCluster().getLocalMember().getUuid().toString();
		IMap<String, EntityRecord> records = node.hazelcast().getMap(HazelcastEntityRouter.RECORDS);
		assertThat(balance(node, "again")).isZero(); // active here now
		long first = records.get("Account/again").activation;
		node.core().entity(Account.class, "again").stop().get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> records.get("Account/again").activeOn == null);
		assertThat(balance(node, "again")).isZero(); // active here again
		records.executeOnKey("Account/again", new RecordProcessor.Release(local, first));
		EntityRecord record = records.get("Account/again");
		assertThat(record.activeOn).isEqualTo(local);
		assertThat(record.activation).isGreaterThan(first);
		node.core().entity(Account.class, "again").stop().get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> records.get("Account/again").activeOn == null);
	}

	/**
	 * Hazelcast runs an entry processor again when the member that ran it left before answering:
	 * a batch of mail run twice is taken once.
	 */
	@Test
	void aBatchOfMailRunTwiceIsTakenOnce() throws Exception {
		Node node = start();
		node.core().entity(Account.class, "twice"); // its message types known to the codec
		IMap<String, EntityRecord> records = node.hazelcast().getMap(HazelcastEntityRouter.RECORDS);
		RecordProcessor.Deliver first = deliver(node, "twice", 1, new Deposit("test", 1, 5));
		records.executeOnKey("Account/twice", first);
		records.executeOnKey("Account/twice", first);
		records.executeOnKey("Account/twice", deliver(node, "twice", 2, new Deposit("test", 2, 7)));
		// the ask goes after the batches, from this member: it is handled after them
		assertThat(balance(node, "twice")).isEqualTo(12);
		assertThat(outOfOrder).hasValue(0);
	}

	private static RecordProcessor.Deliver deliver(Node node, String id, long batch, Deposit deposit) {
		String envelope = node.core()
			.envelopeCodec()
			.write(new Envelope("test-" + batch, null, "Account/" + id, deposit, Instant.now()));
		return new RecordProcessor.Deliver("a-member-gone-by-now", batch,
				List.of(new EntityRecord.Mail(envelope, null, 0, 0)));
	}

	/**
	 * A member that leaves waits until the cluster has taken what its entities sent as they
	 * passivated; the record of an entity without state is then kept for a while only.
	 */
	@Test
	void mailThatEntitiesSendAsTheirMemberLeavesArrives() throws Exception {
		Node a = start();
		Node b = start();
		Node c = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> a.hazelcast().getPartitionService().isClusterSafe());
		for (int i = 0; i < 60; i++) {
			a.core().entity(Forwarder.class, "f" + i).tell(new Deposit("test", 1, 0));
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> a.core().actors().size() + b.core().actors().size() + c.core().actors().size() == 60);
		List<String> onC = c.router().host().activeEntities();
		assertThat(onC).isNotEmpty();
		c.router().leave(Duration.ofSeconds(30));
		c.hazelcast().shutdown(); // at once: the mail has been taken
		c.core().shutdown(Duration.ofSeconds(30));
		c.router().close();
		await().atMost(Duration.ofSeconds(60)).until(() -> balance(a, "sink") == 20L * onC.size());
		IMap<String, EntityRecord> records = a.hazelcast().getMap(HazelcastEntityRouter.RECORDS);
		assertThat(records.getEntryView(onC.get(0)).getTtl())
			.isEqualTo(TimeUnit.SECONDS.toMillis(RecordProcessor.FORGET_AFTER_SECONDS));
		assertThat(records.getEntryView("Account/sink").getTtl())
			.isNotEqualTo(TimeUnit.SECONDS.toMillis(RecordProcessor.FORGET_AFTER_SECONDS));
	}

}
