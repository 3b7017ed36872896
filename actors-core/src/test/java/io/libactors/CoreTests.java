package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.libactors.internal.ActorCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.awaitility.Awaitility.await;

class CoreTests {

	private final Core core = Core.builder().askTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Deposit(long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	record Unknown() implements Message {
	}

	static class Account implements Actor {

		long balance;

		final List<String> seen = new ArrayList<>();

		@MessageHandler
		void onDeposit(Deposit deposit) {
			this.balance += deposit.amount();
		}

		@MessageHandler
		long onGetBalance(GetBalance request) {
			return this.balance;
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.seen.add("shutdown");
		}

	}

	record Describe() implements Message {
	}

	/** Answers with a fresh, large object, so that its lifetime can be watched. */
	static class Describer implements Actor {

		@MessageHandler
		long[] onDescribe(Describe describe) {
			return new long[100_000];
		}

	}

	@Test
	void anIdleActorKeepsNoReplyOrMessageOfItsLastMessageAlive() throws Exception {
		ActorProxy<Describer> describer = this.core.createActor("describer", new Describer());
		java.lang.ref.WeakReference<long[]> reply = new java.lang.ref.WeakReference<>(
				describer.ask(new Describe(), long[].class).get(30, TimeUnit.SECONDS));
		await().until(() -> {
			System.gc();
			return reply.get() == null;
		});
		assertThat(describer.isAlive()).isTrue();
	}

	@Test
	void anActorThatNeverHadMailHoldsNoTurnState() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		assertThat(turnStateOf(account)).isNull();
		account.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS);
		assertThat(turnStateOf(account)).isNotNull();
	}

	/** What an idle actor should not pay for before its first message (see IdleFootprint). */
	private static Object turnStateOf(ActorProxy<?> proxy) throws ReflectiveOperationException {
		Class<?> type = ActorCell.class;
		while (type.getSuperclass() != null && !java.util.Arrays.stream(type.getDeclaredFields())
			.anyMatch((field) -> field.getName().equals("turn"))) {
			type = type.getSuperclass();
		}
		java.lang.reflect.Field turn = type.getDeclaredField("turn");
		turn.setAccessible(true);
		return turn.get(proxy);
	}

	@Test
	void tellThenAskSeesEveryEarlierMessage() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		for (int i = 0; i < 1000; i++) {
			account.tell(new Deposit(1));
		}
		assertThat(account.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(1000L);
		assertThat(account.ask(new GetBalance(), long.class).get(30, TimeUnit.SECONDS)).isEqualTo(1000L);
	}

	@Test
	void askOfVoidHandlerRepliesNullOnceHandled() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		assertThat(account.ask(new Deposit(5), Void.class).get(30, TimeUnit.SECONDS)).isNull();
		assertThat(account.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isEqualTo(5L);
	}

	@Test
	void askWithWrongReplyTypeFailsNamingBothTypes() {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> account.ask(new GetBalance(), String.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(ClassCastException.class)
			.withMessageContaining("java.lang.String")
			.withMessageContaining("java.lang.Long");
	}

	@Test
	void askWithoutHandlerFailsAtOnceAndCountsDeadLetter() {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		CompletableFuture<Object> reply = account.ask(new Unknown(), Object.class, Duration.ofMinutes(1));
		assertThat(reply).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(reply::get)
			.havingCause()
			.isInstanceOf(UndeliverableMessageException.class)
			.withMessageContaining("NO_HANDLER");
		assertThat(this.core.deadLetterCount(DeadLetter.NO_HANDLER)).isEqualTo(1);
	}

	@Test
	void askTimesOutNamingActorAndMessageType() {
		CountDownLatch release = new CountDownLatch(1);
		ActorProxy<Blocking> blocking = this.core.createActor("slow", new Blocking(release));
		try {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> blocking.ask(new GetBalance(), Long.class, Duration.ofMillis(50)).get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(AskTimeoutException.class)
				.withMessageContaining("'slow'")
				.withMessageContaining("GetBalance");
		}
		finally {
			release.countDown();
		}
	}

	static class Blocking implements Actor {

		private final CountDownLatch release;

		Blocking(CountDownLatch release) {
			this.release = release;
		}

		@MessageHandler
		long onGetBalance(GetBalance request) throws InterruptedException {
			this.release.await();
			return 0;
		}

	}

	@Test
	void callerErrorsThrowAtTheCall() {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		assertThatNullPointerException().isThrownBy(() -> account.tell(null)).withMessageContaining("message");
		assertThatIllegalArgumentException().isThrownBy(() -> account.ask(new GetBalance(), Long.class, Duration.ZERO))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> account.tell(new ShutdownMessage()))
			.withMessageContaining("stop()");
		assertThat(account.mailboxSize()).isZero();
	}

	@Test
	void namesAreUniqueValidAndFreedOnStop() throws Exception {
		ActorProxy<Account> first = this.core.createActor("account", new Account());
		assertThatExceptionOfType(ActorNameException.class)
			.isThrownBy(() -> this.core.createActor("account", new Account()))
			.withMessageContaining("'account' already exists");
		assertThatExceptionOfType(ActorNameException.class).isThrownBy(() -> this.core.createActor("a/b", new Account()))
			.withMessageContaining("'/'");
		assertThatExceptionOfType(ActorNameException.class).isThrownBy(() -> this.core.createActor("", new Account()));
		assertThatExceptionOfType(ActorNameException.class)
			.isThrownBy(() -> this.core.createActor("x".repeat(129), new Account()));
		first.stop().get(30, TimeUnit.SECONDS);
		assertThat(first.isAlive()).isFalse();
		assertThat(this.core.find("account")).isEmpty();
		ActorProxy<Account> second = this.core.createActor("account", new Account());
		assertThat(this.core.find("account")).containsSame(second);
		first.tell(new Deposit(1));
		assertThat(this.core.deadLetterCount(DeadLetter.STOPPED)).isEqualTo(1);
		assertThat(second.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS)).isZero();
	}

	static class Quiet implements Actor {

		@MessageHandler
		void onDeposit(Deposit deposit) {
		}

	}

	static class Tidy implements Actor {

		final CompletableFuture<Thread> shutdownThread = new CompletableFuture<>();

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) {
			this.shutdownThread.complete(Thread.currentThread());
		}

	}

	@Test
	void stoppingAnIdleActorWhoseEndRunsNoUserCodeEndsItOnTheStoppingThread() throws Exception {
		// an actor without initialize owes no turn at creation: it is idle from the start
		ActorProxy<Quiet> quiet = this.core.createActor("quiet", new Quiet());
		CompletableFuture<Void> stopped = quiet.stop();
		assertThat(stopped).isCompleted();
		assertThat(quiet.isAlive()).isFalse();
		assertThat(this.core.find("quiet")).isEmpty();
		Tidy state = new Tidy();
		ActorProxy<Tidy> tidy = this.core.createActor("tidy", state);
		tidy.stop().get(30, TimeUnit.SECONDS);
		assertThat(state.shutdownThread.get()).isNotSameAs(Thread.currentThread());
	}

	@Test
	void stopHandsShutdownMessageOnceAfterQueuedMail() throws Exception {
		Account state = new Account();
		ActorProxy<Account> account = this.core.createActor("account", state);
		for (int i = 0; i < 100; i++) {
			account.tell(new Deposit(1));
		}
		CompletableFuture<Void> stopped = account.stop();
		account.stop();
		stopped.get(30, TimeUnit.SECONDS);
		assertThat(state.balance).isEqualTo(100);
		assertThat(state.seen).containsExactly("shutdown");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> account.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(UndeliverableMessageException.class)
			.withMessageContaining("STOPPED");
	}

	@Test
	void actorsReportStatisticsWithoutContents() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		for (int i = 0; i < 10; i++) {
			account.tell(new Deposit(1));
		}
		account.ask(new GetBalance(), Long.class).get(30, TimeUnit.SECONDS);
		ActorInfo info = this.core.actor("account").orElseThrow();
		assertThat(info.name()).isEqualTo("account");
		assertThat(info.type()).isEqualTo(Account.class.getName());
		assertThat(info.state()).isEqualTo("RUNNING");
		assertThat(info.processed()).isEqualTo(11);
		assertThat(info.handlers()).containsOnlyKeys("Deposit", "GetBalance");
		assertThat(info.handlers().get("Deposit").count()).isEqualTo(10);
		assertThat(info.handlers().get("Deposit").max()).isGreaterThanOrEqualTo(info.handlers().get("Deposit").mean());
		assertThat(this.core.actors()).extracting(ActorInfo::name).containsExactly("account");
	}

	@Test
	void initializeRunsBeforeFirstMessageAndFailureStopsTheActor() {
		List<String> events = new ArrayList<>();
		ActorProxy<Actor> ok = this.core.createActor("ok", new Actor() {
			@Override
			public void initialize(Context context) {
				events.add("init " + context.name());
			}

			@MessageHandler
			String onGet(GetBalance request) {
				events.add("get");
				return "done";
			}
		});
		assertThat(ok.ask(new GetBalance(), String.class).join()).isEqualTo("done");
		assertThat(events).containsExactly("init ok", "get");

		ActorProxy<Account> failing = this.core.createActor("failing", new Account() {
			@Override
			public void initialize(Context context) {
				throw new IllegalStateException("no");
			}
		});
		failing.tell(new Deposit(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> !failing.isAlive());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.core.deadLetterCount(DeadLetter.STOPPED) == 1);
	}

	@Test
	void aFailedInitializeIsReportedWithItsCauseHoweverLateTheStartIsAwaited() {
		IllegalStateException cause = new IllegalStateException("no database");
		ActorProxy<Account> failing = this.core.createActor("failing", new Account() {
			@Override
			public void initialize(Context context) {
				throw cause;
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> !failing.isAlive());
		assertThat(this.core.whenStarted(failing)).failsWithin(Duration.ofSeconds(30))
			.withThrowableThat()
			.havingCause()
			.isSameAs(cause);
	}

	@Test
	void theStartOfAnActorThatStoppedAfterInitializingIsAwaitedSuccessfully() throws Exception {
		ActorProxy<Account> account = this.core.createActor("account", new Account());
		account.stop().get(30, TimeUnit.SECONDS);
		assertThat(this.core.whenStarted(account)).succeedsWithin(Duration.ofSeconds(30));
	}

	/** Records the envelope ids of every message it handles, ShutdownMessage included. */
	static final class IdRecorder implements Actor {

		private final List<String> ids;

		IdRecorder(List<String> ids) {
			this.ids = ids;
		}

		@MessageHandler
		void onDeposit(Context context, Deposit deposit) {
			this.ids.add(context.envelope().id());
		}

		@MessageHandler
		void onShutdown(Context context, ShutdownMessage shutdown) {
			this.ids.add(context.envelope().id());
		}

	}

	@Test
	void everyEnvelopeIdIsUniqueShutdownMessagesAndDeadLettersIncluded() throws Exception {
		List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
		DeadLetterTests.Listener listener = new DeadLetterTests.Listener();
		this.core.createActor("listener", listener);
		List<ActorProxy<IdRecorder>> recorders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ActorProxy<IdRecorder> recorder = this.core.createActor("recorder-" + i, new IdRecorder(ids));
			recorder.tell(new Deposit(1));
			recorders.add(recorder);
		}
		for (ActorProxy<IdRecorder> recorder : recorders) {
			recorder.stop().get(30, TimeUnit.SECONDS);
			recorder.tell(new Deposit(2));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> listener.letters.size() == 3);
		listener.letters.forEach((letter) -> ids.add(letter.envelope().id()));
		assertThat(ids).hasSize(9).doesNotHaveDuplicates();
	}

	/** Starts and ends only when let go. */
	static final class Gated implements Actor {

		final CountDownLatch mayStart = new CountDownLatch(1);

		final CountDownLatch mayEnd = new CountDownLatch(1);

		@Override
		public void initialize(Context context) throws InterruptedException {
			this.mayStart.await(30, TimeUnit.SECONDS);
		}

		@MessageHandler
		void onShutdown(ShutdownMessage shutdown) throws InterruptedException {
			this.mayEnd.await(30, TimeUnit.SECONDS);
		}

	}

	@Test
	void theFuturesOfAStartAndAStopCompleteOutsideTheActor() throws Exception {
		Gated gated = new Gated();
		ActorProxy<Gated> actor = this.core.createActor("gated", gated);
		CompletableFuture<String> startedIn = this.core.whenStarted(actor).thenApply((started) -> whereAmI());
		gated.mayStart.countDown();
		assertThat(startedIn.get(30, TimeUnit.SECONDS)).isEqualTo("outside any actor");
		CompletableFuture<String> stoppedIn = actor.stop().thenApply((stopped) -> whereAmI());
		gated.mayEnd.countDown();
		assertThat(stoppedIn.get(30, TimeUnit.SECONDS)).isEqualTo("outside any actor");
	}

	private String whereAmI() {
		try {
			return "in " + this.core.context().name();
		}
		catch (IllegalStateException ex) {
			return "outside any actor";
		}
	}

	@Test
	void aCallerThatCompletesItsStartOrStopFutureChangesNothingForOthers() throws Exception {
		Gated gated = new Gated();
		ActorProxy<Gated> actor = this.core.createActor("gated", gated);
		this.core.whenStarted(actor).completeExceptionally(new IllegalStateException("this caller gave up"));
		gated.mayStart.countDown();
		assertThat(this.core.whenStarted(actor)).succeedsWithin(Duration.ofSeconds(30));
		actor.stop().complete(null);
		assertThat(actor.stop()).isNotDone();
		assertThat(actor.isAlive()).isTrue();
		gated.mayEnd.countDown();
		actor.stop().get(30, TimeUnit.SECONDS);
		assertThat(actor.isAlive()).isFalse();
	}

}
