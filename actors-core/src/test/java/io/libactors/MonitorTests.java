package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MonitorTests {

	record Work(int n) implements Message {
	}

	record Other() implements Message {
	}

	/** Fails every tenth message. */
	public static class Flaky implements Actor {

		public Flaky() {
		}

		@MessageHandler
		void onWork(Work work) {
			if (work.n() % 10 == 9) {
				throw new IllegalStateException("tenth");
			}
		}

	}

	static class Blocking implements Actor {

		final CountDownLatch release;

		Blocking(CountDownLatch release) {
			this.release = release;
		}

		@MessageHandler
		void onWork(Work work) throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
		}

	}

	static class FailingInitialize implements Actor {

		@Override
		public void initialize(Context context) {
			throw new IllegalStateException("no");
		}

	}

	/** Counts what it sees, per actor. */
	static class CountingMonitor implements ActorMonitor {

		final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();

		final Map<String, String> stopped = new ConcurrentHashMap<>();

		final Map<String, @Nullable String> templates = new ConcurrentHashMap<>();

		final List<HandlerCounts> counts = new java.util.concurrent.CopyOnWriteArrayList<>();

		final LongAdder failed = new LongAdder();

		final AtomicInteger handlersAdded = new AtomicInteger();

		final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();

		@Override
		public void started(ActorProxy<?> actor, @Nullable String template) {
			this.started.computeIfAbsent(actor.name(), (name) -> new AtomicInteger()).incrementAndGet();
			if (template != null) {
				this.templates.put(actor.name(), template);
			}
		}

		@Override
		public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
			assertThat(this.started).containsKey(actor.name());
			this.stopped.merge(actor.name(), failed ? "failed" : "stopped", (a, b) -> a + "," + b);
		}

		@Override
		public void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
				HandlerCounts counts) {
			this.handlersAdded.incrementAndGet();
			this.counts.add(counts);
		}

		@Override
		public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
				Throwable error) {
			this.failed.increment();
		}

		long handled() {
			return this.counts.stream().mapToLong(HandlerCounts::count).sum();
		}

		@Override
		public void deadLetter(String reason) {
			this.deadLetters.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
		}

	}

	@Test
	void handlerCountsSeeEveryHandlingFromManySendersAndFailuresAreReported() throws Exception {
		CountingMonitor monitor = new CountingMonitor();
		Core core = Core.builder().monitor(monitor).build();
		ActorProxy<Flaky> flaky = core.createActor("flaky", new Flaky());
		DeliveryStressTests.runSenders(8, (sender) -> {
			for (int n = 0; n < 10_000; n++) {
				flaky.tell(new Work(n));
			}
		});
		assertThat(core.shutdown(Duration.ofSeconds(30))).isTrue();
		assertThat(monitor.handled()).isEqualTo(80_000);
		assertThat(monitor.counts.get(0).totalNanos()).isPositive();
		assertThat(monitor.failed.sum()).isEqualTo(8_000);
		assertThat(monitor.handlersAdded.get()).isEqualTo(1);
		assertThat(monitor.stopped).containsExactly(Map.entry("flaky", "stopped"));
	}

	@Test
	void monitorSeesEachActorStartAndStopExactlyOnce() throws Exception {
		CountingMonitor monitor = new CountingMonitor();
		Core core = Core.builder().monitor(monitor).build();
		for (int i = 0; i < 200; i++) {
			ActorProxy<Flaky> actor = core.createActor("actor-" + i, new Flaky());
			actor.tell(new Work(i));
			if (i % 2 == 0) {
				actor.stop().get(10, TimeUnit.SECONDS);
			}
		}
		core.createActor("broken", new FailingInitialize());
		await().until(() -> monitor.stopped.containsKey("broken"));
		assertThat(core.shutdown(Duration.ofSeconds(30))).isTrue();
		assertThat(monitor.started).hasSize(201).allSatisfy((name, count) -> assertThat(count.get()).isEqualTo(1));
		assertThat(monitor.stopped).hasSize(201);
		assertThat(monitor.stopped.get("broken")).isEqualTo("failed");
		assertThat(monitor.stopped.values()).filteredOn("stopped"::equals).hasSize(200);
	}

	@Test
	void aCreationRefusedForATakenNameIsStoppedAtOnceWithoutTouchingTheHolder() {
		List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		Core core = Core.builder().monitor(new ActorMonitor() {
			@Override
			public void started(ActorProxy<?> actor, @Nullable String template) {
				events.add("started " + System.identityHashCode(actor));
			}

			@Override
			public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
				events.add("stopped " + System.identityHashCode(actor));
			}
		}).build();
		ActorProxy<Flaky> holder = core.createActor("taken", new Flaky());
		org.assertj.core.api.Assertions.assertThatExceptionOfType(ActorNameException.class)
			.isThrownBy(() -> core.createActor("taken", new Flaky()));
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).isEqualTo("started " + System.identityHashCode(holder));
		assertThat(events.get(1)).startsWith("started ").isNotEqualTo(events.get(0));
		assertThat(events.get(2)).isEqualTo(events.get(1).replace("started", "stopped"));
		assertThat(holder.isAlive()).isTrue();
		core.shutdown(Duration.ofSeconds(10));
		assertThat(events).hasSize(4).last().isEqualTo("stopped " + System.identityHashCode(holder));
	}

	@Test
	void monitorHearsTheTemplateOfActorsMadeFromOne() {
		CountingMonitor monitor = new CountingMonitor();
		Core core = Core.builder().monitor(monitor).build();
		core.createActor(Flaky.class, "from-template").tell(new Work(1));
		core.createActor("from-instance", new Flaky()).tell(new Work(1));
		await().until(() -> monitor.started.size() == 2);
		assertThat(monitor.templates).containsOnlyKeys("from-template");
		core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void monitorCountsDeadLettersByReason() {
		CountingMonitor monitor = new CountingMonitor();
		Core core = Core.builder().monitor(monitor).build();
		ActorProxy<Flaky> flaky = core.createActor("flaky", new Flaky());
		for (int i = 0; i < 5; i++) {
			flaky.tell(new Other());
		}
		await().until(() -> core.deadLetterCount(DeadLetter.NO_HANDLER) == 5);
		assertThat(monitor.deadLetters.get(DeadLetter.NO_HANDLER).sum()).isEqualTo(5);
		core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void aThrowingMonitorNeverReachesTheActorOrOtherMonitors() {
		ActorMonitor throwing = new ActorMonitor() {
			@Override
			public void started(ActorProxy<?> actor, @Nullable String template) {
				throw new IllegalStateException("monitor bug");
			}

			@Override
			public void handlerFailed(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
					Throwable error) {
				throw new IllegalStateException("monitor bug on failure");
			}
		};
		CountingMonitor counting = new CountingMonitor();
		Core core = Core.builder().monitor(throwing).monitor(counting).build();
		ActorProxy<Flaky> flaky = core.createActor("flaky", new Flaky());
		for (int n = 0; n < 100; n++) {
			flaky.tell(new Work(n));
		}
		assertThat(core.shutdown(Duration.ofSeconds(10))).isTrue();
		assertThat(counting.handled()).isEqualTo(100);
		assertThat(counting.failed.sum()).isEqualTo(10);
		assertThat(counting.started).containsOnlyKeys("flaky");
	}

	@Test
	void busiestListsDeepestMailboxesFirstThenByName() {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newCachedThreadPool();
		Core core = Core.builder().executor(threads).build();
		int[] depths = { 3, 7, 0, 7, 1 };
		for (int i = 0; i < depths.length; i++) {
			ActorProxy<Blocking> actor = core.createActor("actor-" + i, new Blocking(release));
			if (depths[i] > 0) {
				actor.tell(new Work(-1));
			}
			for (int n = 0; n < depths[i]; n++) {
				actor.tell(new Work(n));
			}
		}
		await().until(() -> core.actors().stream().filter((info) -> info.mailboxDepth() > 0).count() == 4
				&& core.longRunning(Duration.ZERO).size() == 4);
		List<ActorInfo> top = core.busiest(3);
		assertThat(top).extracting(ActorInfo::name).containsExactly("actor-1", "actor-3", "actor-0");
		assertThat(top).extracting(ActorInfo::mailboxDepth).containsExactly(7, 7, 3);
		assertThat(core.busiest(0)).isEmpty();
		assertThat(core.busiest(100)).hasSize(5);
		assertThat(core.actorCount()).isEqualTo(5);
		release.countDown();
		core.shutdown(Duration.ofSeconds(10));
		threads.shutdown();
	}

	@Test
	void mailboxSizeCountsExactlyWhenStillAndNeverOvercountsWhileTheTurnRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Core core = Core.create();
		ActorProxy<Blocking> actor = core.createActor("blocked", new Blocking(release));
		actor.tell(new Work(-1));
		await().until(() -> core.longRunning(Duration.ZERO).containsKey("blocked"));
		for (int n = 0; n < 100_000; n++) {
			actor.tell(new Work(n));
		}
		assertThat(actor.mailboxSize()).isEqualTo(100_000);
		release.countDown();
		int size;
		while ((size = actor.mailboxSize()) > 0) {
			assertThat(size).isLessThanOrEqualTo(100_000);
		}
		await().until(() -> core.actor("blocked").orElseThrow().processed() == 100_001);
		assertThat(actor.mailboxSize()).isZero();
		core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void longRunningNamesOnlyActorsBusyPastTheThreshold() {
		CountDownLatch release = new CountDownLatch(1);
		Core core = Core.create();
		core.createActor("stuck", new Blocking(release)).tell(new Work(1));
		core.createActor("idle", new Blocking(release));
		await().until(() -> core.longRunning(Duration.ofMillis(50)).containsKey("stuck"));
		assertThat(core.longRunning(Duration.ofMillis(50))).containsOnlyKeys("stuck");
		assertThat(core.longRunning(Duration.ofHours(1))).isEmpty();
		release.countDown();
		await().until(() -> core.longRunning(Duration.ZERO).isEmpty());
		core.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void aSuppliedContextIsObtainedOnlyWhenFirstNeeded() {
		AtomicLong asked = new AtomicLong();
		Context context = new Context();
		Core core = Core.builder().context(() -> {
			asked.incrementAndGet();
			return context;
		}).build();
		assertThat(asked.get()).isZero();
		core.createActor("flaky", new Flaky());
		assertThat(core.context()).isSameAs(context);
		assertThat(asked.get()).isEqualTo(1);
		core.shutdown(Duration.ofSeconds(10));
	}


	record Nap(long millis, String secret) implements Message {
	}

	static class Napper implements Actor {

		@MessageHandler
		void onNap(Nap nap) throws InterruptedException {
			Thread.sleep(nap.millis());
		}

	}

	@Test
	void slowHandlersAreLoggedRateLimitedWithActorTypeAndTimeOnly() throws Exception {
		Core watched = Core.builder().slowHandlerThreshold(Duration.ofMillis(20)).build();
		List<String> warnings;
		try (LogCapture log = new LogCapture()) {
			ActorProxy<Napper> napper = watched.createActor("napper", new Napper());
			for (int i = 0; i < 100; i++) {
				napper.tell(new Nap(0, "secret-fast"));
			}
			for (int i = 0; i < 14; i++) {
				napper.tell(new Nap(25, "secret-slow"));
			}
			napper.ask(new Nap(25, "secret-slow"), Void.class).get(30, TimeUnit.SECONDS);
			warnings = log.lines(Level.WARN);
		}
		finally {
			watched.shutdown(Duration.ofSeconds(5));
		}
		assertThat(warnings).hasSize(10)
			.allSatisfy((line) -> assertThat(line).matches("Actor 'napper' took \\d+ ms handling Nap, over the 20 ms "
					+ "slow-handler threshold"));
	}

}
