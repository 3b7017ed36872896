package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ObservableStateTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Add(long amount) implements Message {
	}

	record Total() implements Message {
	}

	record Boom() implements Message {
	}

	/**
	 * Collects what a publisher signals; requests as told. Appending is O(1), not a copy of all
	 * so far: onNext runs in the observed actor's turn, once per state.
	 */
	static final class Collector<T> implements Flow.Subscriber<T> {

		final List<T> items = Collections.synchronizedList(new ArrayList<>());

		final CompletableFuture<Void> done = new CompletableFuture<>();

		volatile Flow.Subscription subscription;

		private final long initialRequest;

		Collector(long initialRequest) {
			this.initialRequest = initialRequest;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(this.initialRequest);
		}

		@Override
		public void onNext(T item) {
			this.items.add(item);
		}

		@Override
		public void onError(Throwable error) {
			this.done.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.done.complete(null);
		}

	}

	static Reducer<Long> counter() {
		return Reducer.initial(0L).on(Add.class, (total, add) -> total + add.amount()).reply(Total.class,
				(total, get) -> total);
	}

	@Test
	void aReducerUnderManySendersEndsInTheExactStateAndRepliesWithTheNewState() throws Exception {
		ActorProxy<Reducer<Long>> proxy = this.core.createActor("counter",
				Reducer.initial(0L).on(Add.class, (total, add) -> total + add.amount()).reply(Add.class,
						(total, add) -> total));
		ActorProxy<Reducer<Long>> totals = this.core.createActor("totals", counter());
		DeliveryStressTests.runSenders(8, (sender) -> {
			for (int i = 0; i < 10_000; i++) {
				totals.tell(new Add(1));
			}
		});
		assertThat(totals.ask(new Total(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(80_000L);
		assertThat(proxy.ask(new Add(5), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(5L);
		assertThat(proxy.ask(new Add(2), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(7L);
	}

	@Test
	void aStateStreamStartsWithTheCurrentStateAndNeverGoesBackUnderConcurrentUpdates() throws Exception {
		ActorProxy<Reducer<Long>> counter = this.core.createActor("counter", counter());
		counter.tell(new Add(5));
		Collector<Long> states = new Collector<>(Long.MAX_VALUE);
		counter.states(Long.class).subscribe(states);
		await().atMost(Duration.ofSeconds(60)).until(() -> !states.items.isEmpty());
		assertThat(states.items.get(0)).isEqualTo(5L);
		DeliveryStressTests.runSenders(4, (sender) -> {
			for (int i = 0; i < 5_000; i++) {
				counter.tell(new Add(1));
			}
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> states.items.get(states.items.size() - 1) == 20_005L);
		assertThat(List.copyOf(states.items)).isSorted().doesNotHaveDuplicates();
		counter.stop().get(60, TimeUnit.SECONDS);
		states.done.get(60, TimeUnit.SECONDS);
	}

	@Test
	void aSlowSubscriberGetsTheLatestStateNotAQueue() throws Exception {
		ActorProxy<Reducer<Long>> counter = this.core.createActor("counter", counter());
		Collector<Long> slow = new Collector<>(1);
		counter.states(Long.class).subscribe(slow);
		await().until(() -> slow.items.size() == 1);
		for (int i = 0; i < 1_000; i++) {
			counter.tell(new Add(1));
		}
		assertThat(counter.ask(new Total(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(1_000L);
		slow.subscription.request(10);
		await().until(() -> slow.items.size() == 2);
		await().during(Duration.ofMillis(100)).until(() -> slow.items.size() == 2);
		assertThat(slow.items).containsExactly(0L, 1_000L);
	}

	static class Plain implements Actor {

		@MessageHandler
		void onAdd(Add add) {
		}

	}

	@Test
	void observingAnActorThatIsNotStatefulOrWithTheWrongClassFailsAtSubscribe() {
		Collector<Long> notStateful = new Collector<>(1);
		this.core.createActor("plain", new Plain()).states(Long.class).subscribe(notStateful);
		await().until(notStateful.done::isDone);
		assertThat(notStateful.done).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(ActorException.class)
			.withMessageContaining("is not a StatefulActor");
		Collector<String> wrongClass = new Collector<>(1);
		this.core.createActor("counter", counter()).states(String.class).subscribe(wrongClass);
		await().until(wrongClass.done::isDone);
		assertThat(wrongClass.done).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.withMessageContaining("java.lang.Long, not java.lang.String");
	}

	/** Keeps a count; fails on Boom; restarted, it starts again from zero. */
	static class Tally implements StatefulActor<Long> {

		private long count;

		@MessageHandler
		void onAdd(Add add) {
			this.count += add.amount();
		}

		@MessageHandler
		void onBoom(Boom boom) {
			throw new IllegalStateException("boom");
		}

		@Override
		public Long state() {
			return this.count;
		}

	}

	@Test
	void aRestartPublishesTheNewInstancesStateOnTheSameStream() throws Exception {
		Supplier<Tally> fresh = Tally::new;
		ActorProxy<Tally> tally = this.core.createActor("tally", fresh, Supervision.RESTART);
		Collector<Long> states = new Collector<>(Long.MAX_VALUE);
		tally.states(Long.class).subscribe(states);
		tally.tell(new Add(3));
		await().until(() -> states.items.contains(3L));
		tally.tell(new Boom());
		tally.tell(new Add(2));
		await().until(() -> states.items.size() == 4);
		assertThat(states.items).containsExactly(0L, 3L, 0L, 2L);
	}

	@Test
	void reducersRefuseTwoFunctionsOfOneKindForOneType() {
		assertThatIllegalArgumentException().isThrownBy(() -> counter().on(Add.class, (total, add) -> total))
			.withMessageContaining("already has a function for on(Add.class, ...)");
	}

}
