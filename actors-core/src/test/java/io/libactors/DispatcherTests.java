package io.libactors;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An actor whose class names a dispatcher runs its turns there, one message at a time still,
 * while the others stay on the core's dispatcher.
 */
class DispatcherTests {

	private final ExecutorService blocking = Executors.newFixedThreadPool(4, (task) -> new Thread(task,
			"blocking-" + System.nanoTime()));

	private final ExecutorService single = Executors.newSingleThreadExecutor((task) -> new Thread(task, "core-only"));

	/** The core's own dispatcher is one thread: an actor that blocks it would stop every other. */
	private final Core core = Core.builder()
		.executor(this.single)
		.dispatchers((name) -> "blocking".equals(name) ? this.blocking : null)
		.build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
		this.blocking.shutdownNow();
		this.single.shutdownNow();
	}

	record Where() implements Message {
	}

	record Block() implements Message {
	}

	record Add() implements Message {
	}

	static final CountDownLatch release = new CountDownLatch(1);

	static class Plain implements Actor {

		@MessageHandler
		String on(Where where) {
			return Thread.currentThread().getName();
		}

	}

	@Dispatcher("blocking")
	static class Jdbc implements Actor {

		final AtomicInteger inside = new AtomicInteger();

		int overlaps;

		int added;

		@MessageHandler
		String on(Where where) {
			return Thread.currentThread().getName();
		}

		@MessageHandler
		void on(Block block) throws InterruptedException {
			release.await(60, TimeUnit.SECONDS);
		}

		@MessageHandler
		void on(Add add) {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps++;
			}
			this.added++;
			this.inside.decrementAndGet();
		}

		@MessageHandler
		int on(Count count) {
			return this.added + 1_000_000 * this.overlaps;
		}

	}

	record Count() implements Message {
	}

	@Dispatcher(Dispatcher.VIRTUAL)
	static class Virtual implements Actor {

		/** "virtual", or the platform thread's name before Java 21. */
		@MessageHandler
		String on(Where where) throws Exception {
			try {
				Method isVirtual = Thread.class.getMethod("isVirtual");
				return ((boolean) isVirtual.invoke(Thread.currentThread())) ? "virtual" : "platform";
			}
			catch (NoSuchMethodException ex) {
				return Thread.currentThread().getName();
			}
		}

	}

	@Dispatcher("nowhere")
	static class Lost implements Actor {

	}

	private <R> R ask(ActorProxy<?> actor, Message message, Class<R> type) throws Exception {
		return actor.ask(message, type, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
	}

	@Test
	void anActorThatBlocksOnItsOwnDispatcherLeavesTheOthersFlowing() throws Exception {
		ActorProxy<Jdbc> jdbc = this.core.createActor("jdbc", new Jdbc());
		ActorProxy<Plain> plain = this.core.createActor("plain", new Plain());
		assertThat(ask(jdbc, new Where(), String.class)).startsWith("blocking-");
		jdbc.tell(new Block());
		for (int i = 0; i < 100; i++) {
			assertThat(ask(plain, new Where(), String.class)).isEqualTo("core-only");
		}
		release.countDown();
	}

	@Test
	void oneMessageAtATimeHoldsOnAnExecutorOfManyThreads() throws Exception {
		Jdbc actor = new Jdbc();
		ActorProxy<Jdbc> jdbc = this.core.createActor("jdbc", actor);
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int i = 0; i < 25_000; i++) {
				jdbc.tell(new Add());
			}
		});
		assertThat(ask(jdbc, new Count(), Integer.class)).isEqualTo(100_000);
	}

	@Test
	void virtualThreadsAreBuiltInFromJava21AndTheCoresDispatcherBefore() throws Exception {
		ActorProxy<Virtual> virtual = this.core.createActor("virtual", new Virtual());
		assertThat(ask(virtual, new Where(), String.class))
			.isEqualTo((Runtime.version().feature() >= 21) ? "virtual" : "core-only");
	}

	@Test
	void aDispatcherTheCoreDoesNotHaveIsRefusedAtCreationNamingIt() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("lost", new Lost()))
			.withMessageContaining(Lost.class.getName())
			.withMessageContaining("@Dispatcher(\"nowhere\")")
			.withMessageContaining("Executor bean named 'nowhere'");
	}

}
