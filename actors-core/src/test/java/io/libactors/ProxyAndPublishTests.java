package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ProxyAndPublishTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Note(int n) implements Message {
	}

	record Notes() implements Message {
	}

	static class Recorder implements Actor {

		final List<Integer> notes = new ArrayList<>();

		@MessageHandler
		void onNote(Note note) {
			this.notes.add(note.n());
		}

		@MessageHandler
		List<Integer> onNotes(Notes request) {
			return List.copyOf(this.notes);
		}

	}

	@Test
	void aProxyMadeBeforeItsActorDeliversInOrderOnCreation() throws Exception {
		ActorProxy<?> early = this.core.proxy("later");
		for (int i = 0; i < 500; i++) {
			early.tell(new Note(i));
		}
		@SuppressWarnings("unchecked")
		CompletableFuture<List<Integer>> reply = (CompletableFuture<List<Integer>>) (CompletableFuture<?>) early
			.ask(new Notes(), List.class, Duration.ofSeconds(5));
		assertThat(early.isAlive()).isFalse();
		assertThat(early.mailboxSize()).isEqualTo(501);
		ActorProxy<Recorder> actor = this.core.createActor("later", new Recorder());
		assertThat(reply.get(30, TimeUnit.SECONDS)).hasSize(500).isSorted();
		early.tell(new Note(500));
		assertThat(actor.ask(new Notes(), List.class).get(30, TimeUnit.SECONDS)).hasSize(501);
		assertThat(early.isAlive()).isTrue();
		assertThat(this.core.find("later")).containsSame(actor);
	}

	@Test
	void mailBufferedByAProxyArrivesBeforeMailTheSameSenderSendsOnceTheActorIsFound() throws Exception {
		ExecutorService sender = Executors.newSingleThreadExecutor();
		try {
			int reordered = 0;
			for (int i = 0; i < 2_000; i++) {
				String name = "late-" + i;
				CountDownLatch buffered = new CountDownLatch(1);
				Future<?> sent = sender.submit(() -> {
					this.core.proxy(name).tell(new Note(1));
					buffered.countDown();
					Optional<ActorProxy<?>> found;
					while ((found = this.core.find(name)).isEmpty()) {
						Thread.onSpinWait();
					}
					found.get().tell(new Note(2));
				});
				assertThat(buffered.await(30, TimeUnit.SECONDS)).isTrue();
				ActorProxy<Recorder> actor = this.core.createActor(name, new Recorder());
				sent.get(30, TimeUnit.SECONDS);
				if (!actor.ask(new Notes(), List.class).get(30, TimeUnit.SECONDS).equals(List.of(1, 2))) {
					reordered++;
				}
				actor.stop().get(30, TimeUnit.SECONDS);
			}
			assertThat(reordered).as("names whose two messages arrived out of order").isZero();
		}
		finally {
			sender.shutdownNow();
		}
	}

	@Test
	void aProxyBuffersAThousandMessagesThenDeadLetters() {
		ActorProxy<?> early = this.core.proxy("never");
		for (int i = 0; i < 1_010; i++) {
			early.tell(new Note(i));
		}
		assertThat(this.core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isEqualTo(10);
		assertThat(this.core.shutdown(Duration.ofSeconds(5))).isTrue();
		assertThat(this.core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isEqualTo(1_010);
	}

	@Test
	void mailWaitingForAnActorThatNeverComesIsDeadLetteredAfterTheAskTimeoutAndTheNameFreed() throws Exception {
		Core core = Core.builder().askTimeout(Duration.ofMillis(200)).maxActors(1).build();
		try {
			ActorProxy<?> ghost = core.proxy("ghost");
			for (int i = 0; i < 10; i++) {
				ghost.tell(new Note(i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR) == 10);
			// the one name the limit allows is free again
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(core.proxy("other")).isNotNull());
		}
		finally {
			core.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void aProxyWhoseWaitingMailExpiredStillReachesItsActorOnceCreated() throws Exception {
		Core core = Core.builder().askTimeout(Duration.ofMillis(200)).build();
		try {
			ActorProxy<?> late = core.proxy("late");
			late.tell(new Note(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR) == 1);
			late.tell(new Note(2));
			Recorder recorder = new Recorder();
			core.createActor("late", recorder);
			late.tell(new Note(3));
			assertThat(late.ask(new Notes(), List.class).get(30, TimeUnit.SECONDS)).containsExactly(2, 3);
			assertThat(late.isAlive()).isTrue();
		}
		finally {
			core.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void aProxyWhoseWaitingMailExpiredBindsToTheActorCreatedLaterWithoutSendingAgain() throws Exception {
		Core core = Core.builder().askTimeout(Duration.ofMillis(200)).build();
		try {
			ActorProxy<?> late = core.proxy("late");
			late.tell(new Note(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR) == 1);
			core.createActor("late", new Recorder());
			assertThat(late.isAlive()).isTrue();
			core.whenStarted(late).get(30, TimeUnit.SECONDS);
			late.stop().get(30, TimeUnit.SECONDS);
			assertThat(core.find("late")).isEmpty();
		}
		finally {
			core.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void mailToAnExpiredNameThatTheLimitNoLongerAllowsIsADeadLetterNotAnException() {
		Core core = Core.builder().askTimeout(Duration.ofMillis(200)).maxActors(1).build();
		try {
			ActorProxy<?> first = core.proxy("first");
			first.tell(new Note(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR) == 1);
			core.createActor("second", new Recorder());
			first.tell(new Note(2));
			assertThat(core.deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isEqualTo(2);
		}
		finally {
			core.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void aProxyStaysDeadWhenItsNameIsReused() throws Exception {
		ActorProxy<Recorder> first = this.core.createActor("name", new Recorder());
		first.stop().get(30, TimeUnit.SECONDS);
		ActorProxy<Recorder> second = this.core.createActor("name", new Recorder());
		first.tell(new Note(1));
		assertThat(second.ask(new Notes(), List.class).get(30, TimeUnit.SECONDS)).isEmpty();
		assertThat(this.core.proxy("name")).isSameAs(second);
	}

	record Announcement(String text) implements Message {
	}

	static class Listener implements Actor {

		final List<String> heard = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onAnnouncement(Announcement announcement) {
			this.heard.add(announcement.text());
		}

	}

	@Test
	void publishReachesEveryActorThatHandlesTheType() {
		List<Listener> listeners = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Listener listener = new Listener();
			listeners.add(listener);
			this.core.createActor("listener-" + i, listener);
		}
		this.core.createActor("deaf", new Recorder());
		this.core.publish(new Announcement("open"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> listeners.stream().allMatch((listener) -> listener.heard.equals(List.of("open"))));
		this.core.publish(new Note(1));
		this.core.publish(new Announcement("again"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> listeners.stream().allMatch((listener) -> listener.heard.size() == 2));
		assertThat(this.core.deadLetterCount()).isZero();
	}

	static class DeadLetterWatcher implements Actor {

		final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onDeadLetter(DeadLetter letter) {
			this.letters.add(letter);
		}

	}

	record Bulletin(int n) implements Message {
	}

	static class Reader implements Actor {

		final java.util.concurrent.atomic.AtomicInteger read;

		Reader(java.util.concurrent.atomic.AtomicInteger read) {
			this.read = read;
		}

		@MessageHandler
		void onBulletin(Bulletin bulletin) {
			this.read.incrementAndGet();
		}

	}

	@Test
	void aFirstPublicationFromManyThreadsWhileActorsComeAndGoReachesEveryEarlierSubscriber() throws Exception {
		java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
		for (int i = 0; i < 1_000; i++) {
			this.core.createActor("reader-" + i, new Reader(read));
		}
		java.util.concurrent.atomic.AtomicInteger lateReads = new java.util.concurrent.atomic.AtomicInteger();
		DeliveryStressTests.runSenders(9, (sender) -> {
			if (sender == 8) {
				// Actors created and stopped during the first publications: counted apart.
				for (int i = 0; i < 500; i++) {
					this.core.createActor("late-" + i, new Reader(lateReads)).stop();
				}
				return;
			}
			for (int n = 0; n < 10; n++) {
				this.core.publish(new Bulletin(n));
			}
		});
		await().until(() -> read.get() >= 80_000);
		assertThat(read.get()).isEqualTo(80_000);
		await().until(() -> this.core.actorCount() == 1_000);
		int late = lateReads.get();
		this.core.publish(new Bulletin(-1));
		await().until(() -> read.get() == 81_000);
		assertThat(lateReads.get()).as("stopped actors left the subscriber sets").isEqualTo(late);
	}

	@Test
	void deadLettersArePublishedWithTheFullEnvelope() throws Exception {
		DeadLetterWatcher watcher = new DeadLetterWatcher();
		this.core.createActor("watcher", watcher);
		ActorProxy<Recorder> recorder = this.core.createActor("recorder", new Recorder());
		recorder.tell(new Announcement("nobody listens"));
		await().atMost(Duration.ofSeconds(30)).until(() -> watcher.letters.size() == 1);
		DeadLetter letter = watcher.letters.get(0);
		assertThat(letter.reason()).isEqualTo(DeadLetter.NO_HANDLER);
		assertThat(letter.envelope().receiver()).isEqualTo("recorder");
		assertThat(letter.envelope().sender()).isNull();
		assertThat(letter.envelope().message()).isEqualTo(new Announcement("nobody listens"));
		assertThat(letter.envelope().id()).isNotBlank();
		watcher.letters.clear();
		recorder.stop().get(30, TimeUnit.SECONDS);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> recorder.ask(new Notes(), List.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(UndeliverableMessageException.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> watcher.letters.size() == 1);
		assertThat(watcher.letters.get(0).reason()).isEqualTo(DeadLetter.STOPPED);
	}

}
