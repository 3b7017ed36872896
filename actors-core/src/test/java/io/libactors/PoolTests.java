package io.libactors;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** A pool routes each message to one member as its routing says, counted per member from many senders. */
class PoolTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	/** Per member name, the messages it handled; per key, the members that saw it. */
	static final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

	static final Map<Object, Set<String>> keysSeenBy = new ConcurrentHashMap<>();

	static volatile CountDownLatch entered = new CountDownLatch(1);

	static volatile CompletableFuture<Void> release = new CompletableFuture<>();

	record Work(int n) implements Message {
	}

	record Order(String customer) implements Message, Routing.Keyed {

		@Override
		public Object routingKey() {
			return this.customer;
		}

	}

	record Block() implements Message {
	}

	public static class Worker implements Actor {

		@MessageHandler
		String on(Context context, Work work) {
			handled.computeIfAbsent(context.name(), (name) -> new AtomicInteger()).incrementAndGet();
			return context.name();
		}

		@MessageHandler
		void on(Context context, Order order) {
			keysSeenBy.computeIfAbsent(order.customer(), (key) -> ConcurrentHashMap.newKeySet()).add(context.name());
		}

		/** Holds the member (busy, its mailbox empty) until the test releases it; no thread waits. */
		@MessageHandler
		CompletableFuture<Void> on(Block block) {
			entered.countDown();
			return release;
		}

	}

	@BeforeEach
	void forgetEarlierRuns() {
		handled.clear();
		keysSeenBy.clear();
		entered = new CountDownLatch(1);
		release = new CompletableFuture<>();
	}

	private void tellFromManySenders(Pool<Worker> pool, int perSender) throws Exception {
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int i = 0; i < perSender; i++) {
				pool.tell(new Work(i));
			}
		});
	}

	private void awaitHandled(int total) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> handled.values().stream().mapToInt(AtomicInteger::get).sum() == total);
	}

	@Test
	void roundRobinGivesEachMemberTheSameShareFromManySenders() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 4, Routing.roundRobin());
		tellFromManySenders(pool, 10_000);
		awaitHandled(40_000);
		assertThat(handled).containsOnlyKeys("workers-1", "workers-2", "workers-3", "workers-4");
		assertThat(handled.values()).allSatisfy((count) -> assertThat(count).hasValue(10_000));
	}

	@Test
	void randomRoutingReachesEveryMemberAboutEqually() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 4, Routing.random());
		tellFromManySenders(pool, 10_000);
		awaitHandled(40_000);
		// 10,000 expected each, standard deviation about 87: 1,000 off is over 11 of them
		assertThat(handled.values()).hasSize(4).allSatisfy((count) -> assertThat(count.get()).isBetween(9_000, 11_000));
	}

	@Test
	void broadcastGivesEveryMemberEveryTellAndRefusesAsks() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 3, Routing.broadcast());
		tellFromManySenders(pool, 1_000);
		awaitHandled(12_000);
		assertThat(handled.values()).hasSize(3).allSatisfy((count) -> assertThat(count).hasValue(4_000));
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> pool.ask(new Work(0), String.class))
			.withMessageContaining("Pool 'workers' broadcasts")
			.withMessageContaining("Work");
	}

	@Test
	void consistentHashKeepsEachKeyOnOneMemberAndAResizeMovesKeysOnlyToTheNewMember() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "orders", 4, Routing.consistentHash());
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int i = 0; i < 5_000; i++) {
				pool.tell(new Order("customer-" + (i % 500)));
			}
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> keysSeenBy.size() == 500);
		List<ActorProxy<Worker>> members = pool.members();
		for (ActorProxy<Worker> member : members) {
			member.ask(new Work(0), String.class).get(30, TimeUnit.SECONDS); // behind its orders
		}
		Map<Object, String> before = new HashMap<>();
		keysSeenBy.forEach((key, seenBy) -> {
			assertThat(seenBy).as("members that saw %s", key).hasSize(1);
			before.put(key, seenBy.iterator().next());
		});
		assertThat(new HashSet<>(before.values())).hasSize(4);
		pool.resize(5);
		keysSeenBy.clear();
		for (int i = 0; i < 500; i++) {
			pool.tell(new Order("customer-" + i));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> keysSeenBy.size() == 500);
		int moved = 0;
		for (Map.Entry<Object, Set<String>> entry : keysSeenBy.entrySet()) {
			String now = entry.getValue().iterator().next();
			if (!now.equals(before.get(entry.getKey()))) {
				assertThat(now).isEqualTo("orders-5");
				moved++;
			}
		}
		// about a fifth of the keys move to the new member
		assertThat(moved).isBetween(50, 150);
	}

	@Test
	void aMessageForAConsistentHashPoolWithoutAKeyIsRefusedNamingIt() {
		Pool<Worker> pool = this.core.createPool(Worker.class, "orders", 2, Routing.consistentHash());
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> pool.tell(new Work(1)))
			.withMessageContaining("Pool 'orders'")
			.withMessageContaining(Work.class.getName())
			.withMessageContaining("Routing.Keyed");
	}

	@Test
	void smallestMailboxPassesOverABusyMember() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 3, Routing.smallestMailbox());
		ActorProxy<Worker> busy = pool.members().get(0);
		busy.tell(new Block());
		assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 100; i++) {
			assertThat(pool.ask(new Work(i), String.class).get(30, TimeUnit.SECONDS)).isNotEqualTo("workers-1");
		}
		release.complete(null);
	}

	@Test
	void aMemberThatStoppedIsReplacedAndNoMailIsLost() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 2, Routing.roundRobin());
		pool.members().get(0).stop().get(30, TimeUnit.SECONDS);
		for (int i = 0; i < 10; i++) {
			pool.tell(new Work(i));
		}
		awaitHandled(10);
		assertThat(pool.members()).extracting(ActorProxy::name).containsExactly("workers-3", "workers-2");
		assertThat(this.core.deadLetterCount()).isZero();
	}

	@Test
	void aPoolShrinksAfterTheMailQueuedToItsMembersAndGrowsWithNewNames() throws Exception {
		Pool<Worker> pool = this.core.createPool(Worker.class, "workers", 4, Routing.roundRobin());
		tellFromManySenders(pool, 5_000);
		pool.resize(2);
		awaitHandled(20_000);
		assertThat(pool.members()).extracting(ActorProxy::name).containsExactly("workers-1", "workers-2");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.core.find("workers-4").isEmpty());
		pool.resize(3);
		assertThat(pool.members()).extracting(ActorProxy::name).containsExactly("workers-1", "workers-2", "workers-5");
		assertThat(this.core.deadLetterCount()).isZero();
		pool.stop().get(30, TimeUnit.SECONDS);
		assertThat(pool.isAlive()).isFalse();
	}

}
