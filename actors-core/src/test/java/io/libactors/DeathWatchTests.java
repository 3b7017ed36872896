package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An actor that watches another is told it stopped, however and whenever, exactly once. */
class DeathWatchTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Watch(String target) implements Message {
	}

	record Unwatch(String target) implements Message {
	}

	record Heard() implements Message {
	}

	record Fail() implements Message {
	}

	/** Watches whom it is told to, and keeps every Terminated it gets. */
	static class Watcher implements Actor {

		final List<Terminated> terminated = new CopyOnWriteArrayList<>();

		@MessageHandler
		boolean onWatch(Context context, Watch watch) {
			context.watch(context.proxy(watch.target()));
			return true;
		}

		@MessageHandler
		boolean onUnwatch(Context context, Unwatch unwatch) {
			context.unwatch(context.proxy(unwatch.target()));
			return true;
		}

		@MessageHandler
		void onTerminated(Terminated terminated) {
			this.terminated.add(terminated);
		}

		@MessageHandler
		int onHeard(Heard heard) {
			return this.terminated.size();
		}

	}

	record WatchIt() implements Message {
	}

	/** Watches the actor behind a proxy it holds (a name would no longer find a stopped one). */
	static class ProxyWatcher extends Watcher {

		private final ActorProxy<?> target;

		ProxyWatcher(ActorProxy<?> target) {
			this.target = target;
		}

		@MessageHandler
		boolean onWatchIt(Context context, WatchIt watch) {
			context.watch(this.target);
			return true;
		}

	}

	static class Target implements Actor {

		@MessageHandler
		void onFail(Fail fail) {
			throw new IllegalStateException("failing on purpose");
		}

	}

	@Test
	void aWatcherIsToldOnceWhenTheWatchedActorStops() throws Exception {
		Watcher watcher = new Watcher();
		ActorProxy<Watcher> proxy = this.core.createActor("watcher", watcher);
		ActorProxy<Target> target = this.core.createActor("target", new Target());
		assertThat(proxy.ask(new Watch("target"), Boolean.class).get(30, TimeUnit.SECONDS)).isTrue();
		target.stop().get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> !watcher.terminated.isEmpty());
		assertThat(proxy.ask(new Heard(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(watcher.terminated).containsExactly(new Terminated("target", false));
	}

	@Test
	void anActorStoppedByAFailureIsReportedAsFailed() throws Exception {
		Watcher watcher = new Watcher();
		ActorProxy<Watcher> proxy = this.core.createActor("watcher", watcher);
		ActorProxy<Target> target = this.core.createActor("target", new Target(), Supervision.STOP);
		proxy.ask(new Watch("target"), Boolean.class).get(30, TimeUnit.SECONDS);
		target.tell(new Fail());
		await().atMost(Duration.ofSeconds(30)).until(() -> !watcher.terminated.isEmpty());
		assertThat(watcher.terminated).containsExactly(new Terminated("target", true));
	}

	@Test
	void anActorWatchingAStoppedOneThroughItsProxyIsToldAtOnce() throws Exception {
		ActorProxy<Target> target = this.core.createActor("target", new Target());
		target.stop().get(30, TimeUnit.SECONDS);
		List<Terminated> heard = new CopyOnWriteArrayList<>();
		ActorProxy<?> late = this.core.createActor("late", new Actor() {

			@MessageHandler
			boolean onWatch(Context context, Watch watch) {
				context.watch(target);
				return true;
			}

			@MessageHandler
			void onTerminated(Terminated terminated) {
				heard.add(terminated);
			}

		});
		late.ask(new Watch("target"), Boolean.class).get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> !heard.isEmpty());
		assertThat(heard).containsExactly(new Terminated("target", false));
	}

	@Test
	void anUnwatchedActorTellsNothingWhenItStops() throws Exception {
		Watcher watcher = new Watcher();
		ActorProxy<Watcher> proxy = this.core.createActor("watcher", watcher);
		ActorProxy<Target> target = this.core.createActor("target", new Target());
		proxy.ask(new Watch("target"), Boolean.class).get(30, TimeUnit.SECONDS);
		proxy.ask(new Unwatch("target"), Boolean.class).get(30, TimeUnit.SECONDS);
		target.stop().get(30, TimeUnit.SECONDS);
		// anything the stop sent the watcher would be queued before this ask
		assertThat(proxy.ask(new Heard(), Integer.class).get(30, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void watchersRacingTheStopFromManyThreadsAreEachToldExactlyOnce() throws Exception {
		int rounds = 200;
		int watchersPerRound = 24;
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < rounds; round++) {
				ActorProxy<Target> target = this.core.createActor("target-" + round, new Target());
				List<ActorProxy<ProxyWatcher>> proxies = new ArrayList<>();
				for (int i = 0; i < watchersPerRound; i++) {
					ProxyWatcher watcher = new ProxyWatcher(target);
					proxies.add(this.core.createActor("watcher-" + round + "-" + i, watcher));
				}
				CountDownLatch go = new CountDownLatch(1);
				List<Future<?>> racing = new ArrayList<>();
				for (ActorProxy<ProxyWatcher> proxy : proxies) {
					racing.add(threads.submit(() -> {
						go.await();
						return proxy.ask(new WatchIt(), Boolean.class).get(30, TimeUnit.SECONDS);
					}));
				}
				racing.add(threads.submit(() -> {
					go.await();
					return target.stop().get(30, TimeUnit.SECONDS);
				}));
				go.countDown();
				for (Future<?> done : racing) {
					done.get(60, TimeUnit.SECONDS);
				}
				// each Terminated was queued before the stop or the watch it raced answered,
				// so before this ask
				for (int i = 0; i < watchersPerRound; i++) {
					assertThat(proxies.get(i).ask(new Heard(), Integer.class).get(30, TimeUnit.SECONDS))
						.as("Terminated heard by watcher %d of round %d", i, round)
						.isEqualTo(1);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
