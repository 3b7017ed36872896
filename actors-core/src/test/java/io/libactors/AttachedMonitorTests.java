package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Monitors and a tracer attached to a core that already runs: each monitor hears of every actor
 * once, its start before anything else of it, however attaching races creating and stopping.
 */
class AttachedMonitorTests {

	private static final List<String> WHOLE_LIFE = List.of("started", "handler Work", "stopped");

	record Work(int n) implements Message {
	}

	record Other() implements Message {
	}

	static class Worker implements Actor {

		@MessageHandler
		int onWork(Work work) {
			return work.n();
		}

		@MessageHandler
		int onOther(Other other) {
			return -1;
		}

	}

	/** Each actor's events, in the order heard. */
	static class RecordingMonitor implements ActorMonitor {

		final Map<String, List<String>> events = new ConcurrentHashMap<>();

		/** When {@code attachMonitor} returned, on the test's clock. */
		volatile long attachedAt = Long.MAX_VALUE;

		List<String> events(String actor) {
			List<String> heard = this.events.get(actor);
			return (heard != null) ? List.copyOf(heard) : List.of();
		}

		private void record(ActorProxy<?> actor, String event) {
			this.events.computeIfAbsent(actor.name(), (name) -> Collections.synchronizedList(new ArrayList<>()))
				.add(event);
		}

		@Override
		public void started(ActorProxy<?> actor, @Nullable String template) {
			record(actor, "started");
		}

		@Override
		public void handlerAdded(ActorProxy<?> actor, @Nullable String template, Class<?> messageType,
				HandlerCounts counts) {
			record(actor, "handler " + messageType.getSimpleName());
		}

		@Override
		public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
			record(actor, "stopped");
		}

	}

	@Test
	void aMonitorAttachedToARunningCoreHearsOfEachLiveActorAndTheHandlersItUsed() throws Exception {
		Core core = Core.builder().build();
		try {
			ActorProxy<Worker> used = core.createActor("used", new Worker());
			core.createActor("idle", new Worker());
			ActorProxy<Worker> gone = core.createActor("gone", new Worker());
			assertThat(used.ask(new Work(1), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
			gone.stop().get(30, TimeUnit.SECONDS);

			RecordingMonitor monitor = new RecordingMonitor();
			core.attachMonitor(monitor);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> monitor.events("used").size() == 2 && monitor.events("idle").size() == 1);
			assertThat(monitor.events("used")).containsExactly("started", "handler Work");
			assertThat(monitor.events("idle")).containsExactly("started");

			assertThat(used.ask(new Other(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(-1);
			used.stop().get(30, TimeUnit.SECONDS);
			assertThat(monitor.events("used")).containsExactly("started", "handler Work", "handler Other", "stopped");
			core.createActor("later", new Worker());
			assertThat(monitor.events("later")).containsExactly("started");
			assertThat(monitor.events("gone")).isEmpty();
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
		}
	}

	@Test
	void monitorsAttachedWhileManyThreadsCreateAndStopActorsHearOfEachOnceStartFirst() throws Exception {
		Core core = Core.builder().build();
		int threads = 8;
		int perThread = 400;
		List<RecordingMonitor> monitors = List.of(new RecordingMonitor(), new RecordingMonitor(), new RecordingMonitor(),
				new RecordingMonitor());
		AtomicLong clock = new AtomicLong();
		Map<String, Long> createdAt = new ConcurrentHashMap<>();
		List<ActorProxy<Worker>> made = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				work.add(pool.submit(() -> {
					go.await();
					for (int i = 0; i < perThread; i++) {
						String name = "a-" + thread + "-" + i;
						createdAt.put(name, clock.incrementAndGet());
						ActorProxy<Worker> actor = core.createActor(name, new Worker());
						made.add(actor);
						actor.tell(new Work(i));
						if (i % 2 == 0) {
							actor.stop();
						}
					}
					return null;
				}));
			}
			work.add(pool.submit(() -> {
				go.await();
				for (RecordingMonitor monitor : monitors) {
					Thread.sleep(2);
					core.attachMonitor(monitor);
					monitor.attachedAt = clock.incrementAndGet();
				}
				return null;
			}));
			go.countDown();
			for (Future<?> done : work) {
				done.get(2, TimeUnit.MINUTES);
			}
			for (ActorProxy<Worker> actor : List.copyOf(made)) {
				actor.stop().get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			core.shutdown(Duration.ofSeconds(30));
		}
		assertThat(made).hasSize(threads * perThread);
		for (RecordingMonitor monitor : monitors) {
			int heard = 0;
			for (ActorProxy<Worker> actor : made) {
				List<String> events = monitor.events(actor.name());
				if (createdAt.get(actor.name()) > monitor.attachedAt) {
					assertThat(events).as("actor %s, made after the attach", actor.name()).isEqualTo(WHOLE_LIFE);
				}
				else {
					assertThat(events).as("actor %s, made before the attach", actor.name()).isIn(List.of(), WHOLE_LIFE);
				}
				heard += events.isEmpty() ? 0 : 1;
			}
			assertThat(heard).as("actors heard of by a monitor attached during the run").isPositive();
		}
	}

	@Test
	void anActorWhoseCreationOverlapsAnAttachIsAnnouncedToTheNewMonitorToo() throws Exception {
		CountDownLatch announcing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ActorMonitor slow = new ActorMonitor() {

			@Override
			public void started(ActorProxy<?> actor, @Nullable String template) {
				// holds the creation after it read the monitors and before it claims the name
				announcing.countDown();
				try {
					release.await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
		Core core = Core.builder().monitor(slow).build();
		ExecutorService creator = Executors.newSingleThreadExecutor();
		try {
			Future<ActorProxy<Worker>> creating = creator.submit(() -> core.createActor("overlapping", new Worker()));
			assertThat(announcing.await(30, TimeUnit.SECONDS)).isTrue();
			RecordingMonitor late = new RecordingMonitor();
			core.attachMonitor(late);
			// the attach listed the actors before this one claimed its name
			assertThat(late.events("overlapping")).isEmpty();
			release.countDown();
			ActorProxy<Worker> actor = creating.get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> !late.events("overlapping").isEmpty());
			actor.stop().get(30, TimeUnit.SECONDS);
			assertThat(late.events("overlapping")).containsExactly("started", "stopped");
		}
		finally {
			release.countDown();
			creator.shutdownNow();
			core.shutdown(Duration.ofSeconds(30));
		}
	}

	@Test
	void aTracerAttachedToARunningCoreTracesTheMessagesSentAfterIt() throws Exception {
		Core core = Core.builder().build();
		try {
			ActorProxy<Worker> worker = core.createActor("worker", new Worker());
			worker.ask(new Work(1), Integer.class).get(30, TimeUnit.SECONDS);
			TracingTests.RecordingTracer tracer = new TracingTests.RecordingTracer();
			core.attachTracer(tracer);
			worker.ask(new Work(2), Integer.class).get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> !tracer.ended.isEmpty());
			assertThat(tracer.ended).containsExactly("/worker:Work");
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
		}
	}

	@Test
	void aSecondTracerIsRefusedNamingBoth() {
		Core core = Core.builder().tracer(new TracingTests.RecordingTracer()).build();
		try {
			MessageTracer other = new MessageTracer() {

				@Override
				public @Nullable Object capture() {
					return null;
				}

				@Override
				public Handling start(@Nullable Object parent, ActorProxy<?> actor, @Nullable String template,
						Class<?> messageType) {
					throw new UnsupportedOperationException();
				}

			};
			assertThatIllegalStateException().isThrownBy(() -> core.attachTracer(other))
				.withMessageContaining(TracingTests.RecordingTracer.class.getName())
				.withMessageContaining("takes one MessageTracer");
		}
		finally {
			core.shutdown(Duration.ofSeconds(30));
		}
	}

}
