package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters come from the runtime, not from the actor whose turn noticed them: their sender is
 * {@code null}, and the asks they fail complete outside any actor.
 */
class DeadLetterTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Note(int n) implements Message {
	}

	record Forward() implements Message {
	}

	record Fail() implements Message {
	}

	static final class Listener implements Actor {

		final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

		final List<Boolean> senders = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onDeadLetter(Context context, DeadLetter letter) {
			this.senders.add(context.sender().isPresent());
			this.letters.add(letter);
		}

	}

	static final class Forwarder implements Actor {

		private final ActorProxy<?> target;

		Forwarder(ActorProxy<?> target) {
			this.target = target;
		}

		@MessageHandler
		void onForward(Forward forward) {
			this.target.tell(new Note(1));
		}

		@MessageHandler
		void onNote(Note note) {
		}

	}

	@Test
	void aDeadLetterNoticedInsideATurnHasNoSender() throws Exception {
		Listener listener = new Listener();
		this.core.createActor("listener", listener);
		ActorProxy<FailsWhenLetGo> stopped = this.core.createActor("stopped", new FailsWhenLetGo());
		stopped.stop().get(30, TimeUnit.SECONDS);
		this.core.createActor("forwarder", new Forwarder(stopped)).tell(new Forward());
		await().atMost(Duration.ofSeconds(30)).until(() -> listener.letters.size() == 1);
		assertThat(listener.letters.get(0).envelope().sender()).isEqualTo("forwarder");
		assertThat(listener.senders).containsExactly(false);
	}

	/** Fails once let go. */
	static final class FailsWhenLetGo implements Actor {

		final CountDownLatch go = new CountDownLatch(1);

		@MessageHandler
		void onFail(Fail fail) throws InterruptedException {
			this.go.await(30, TimeUnit.SECONDS);
			throw new IllegalStateException("fail");
		}

		@MessageHandler
		void onNote(Note note) {
		}

	}

	@Test
	void anAskFailedByAStoppingActorCompletesOutsideThatActor() throws Exception {
		FailsWhenLetGo actor = new FailsWhenLetGo();
		Supplier<FailsWhenLetGo> once = () -> actor;
		ActorProxy<FailsWhenLetGo> failing = this.core.createActor("failing", once, Supervision.STOP);
		CompletableFuture<String> seenFrom = new CompletableFuture<>();
		// Queued behind the failure, so the stopping actor's own turn fails the ask.
		failing.tell(new Fail());
		failing.ask(new Note(2), Void.class).whenComplete((value, error) -> {
			try {
				seenFrom.complete("actor " + this.core.context().name());
			}
			catch (IllegalStateException ex) {
				seenFrom.complete("no actor");
			}
		});
		actor.go.countDown();
		assertThat(seenFrom.get(30, TimeUnit.SECONDS)).isEqualTo("no actor");
	}

	@Test
	void deadLettersPublishedWhileShuttingDownAreCountedOnce() throws Exception {
		this.core.createActor("listener", new Listener());
		ActorProxy<?> never = this.core.proxy("never");
		never.tell(new Note(1));
		never.tell(new Note(2));
		assertThat(this.core.shutdown(Duration.ofSeconds(30))).isTrue();
		assertThat(this.core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isEqualTo(2);
		assertThat(this.core.deadLetterCount()).isEqualTo(2);
	}

	@Test
	void contextOutsideATurnNeverAnswersForAnActor() {
		assertThatIllegalStateException().isThrownBy(() -> this.core.context().name());
	}

}
