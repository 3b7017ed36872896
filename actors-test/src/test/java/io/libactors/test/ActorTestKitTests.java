package io.libactors.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.AskTimeoutException;
import io.libactors.Context;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The kit's core runs its timers and ask timeouts on the kit's clock, checks every message's JSON
 * round trip, and its probes send as themselves and say what came when an expectation fails.
 */
class ActorTestKitTests {

	private final ActorTestKit kit = ActorTestKit.create();

	@AfterEach
	void close() {
		this.kit.close();
	}

	record Tick() implements Message {
	}

	record CountTicks() implements Message {
	}

	/** Counts the ticks of an hourly schedule. */
	static class Hourly implements Actor {

		int ticks;

		@Override
		public void initialize(Context context) {
			context.timers().schedule("hourly", new Tick(), Schedule.every(Duration.ofHours(1)));
		}

		@MessageHandler
		void onTick(Tick tick) {
			this.ticks++;
		}

		@MessageHandler
		int onCountTicks(CountTicks count) {
			return this.ticks;
		}

	}

	@Test
	void anHourlyScheduleTicksWhenTheClockIsMovedAnHourAndNotBefore() throws Exception {
		ActorProxy<Hourly> hourly = this.kit.core().createActor("hourly", new Hourly());
		this.kit.core().whenStarted(hourly).get(30, TimeUnit.SECONDS);
		this.kit.clock().advance(Duration.ofMinutes(59));
		// the ticks a move sends are queued before it returns, so an ask after it comes behind them
		assertThat(hourly.ask(new CountTicks(), Integer.class).get(30, TimeUnit.SECONDS)).isZero();
		this.kit.clock().advance(Duration.ofMinutes(1));
		assertThat(hourly.ask(new CountTicks(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		this.kit.clock().advance(Duration.ofHours(24));
		assertThat(hourly.ask(new CountTicks(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(25);
	}

	record Question() implements Message {
	}

	/** Answers only when the test says. */
	static class Silent implements Actor {

		final CompletableFuture<String> answer = new CompletableFuture<>();

		@MessageHandler
		CompletionStage<String> onQuestion(Question question) {
			return this.answer;
		}

	}

	@Test
	void anAskTimesOutWhenTheClockPassesItsTimeoutAndNotBefore() throws Exception {
		Silent actor = new Silent();
		ActorProxy<Silent> silent = this.kit.core().createActor("silent", actor);
		CompletableFuture<String> answer = silent.ask(new Question(), String.class, Duration.ofSeconds(5));
		this.kit.clock().advance(Duration.ofMillis(4_999));
		assertThat(answer).isNotDone();
		this.kit.clock().advance(Duration.ofMillis(1));
		assertThat(answer).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(answer::get)
			.withCauseInstanceOf(AskTimeoutException.class);
		actor.answer.complete("too late");
	}

	@Test
	void mailForAnActorThatDoesNotExistWaitsAsLongAsAnAskOnTheKitsClock() {
		ActorProxy<?> later = this.kit.core().proxy("later");
		later.tell(new Question());
		this.kit.clock().advance(Duration.ofMillis(4_999));
		assertThat(this.kit.core().deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isZero();
		this.kit.clock().advance(Duration.ofMillis(1));
		assertThat(this.kit.core().deadLetterCount(DeadLetter.NO_SUCH_ACTOR)).isEqualTo(1);
	}

	record Ping(int n) implements Message {
	}

	record Pong(int n) implements Message {
	}

	/** Answers its sender. */
	static class Echo implements Actor {

		@MessageHandler
		void onPing(Context context, Ping ping) {
			context.sender().orElseThrow().tell(new Pong(ping.n()));
		}

	}

	@Test
	void aProbeSendsAsItselfAndExpectsTheReply() {
		TestProbe probe = this.kit.createProbe();
		ActorProxy<Echo> echo = this.kit.core().createActor("echo", new Echo());
		probe.tell(echo, new Ping(7));
		assertThat(probe.expectMessage(Pong.class)).isEqualTo(new Pong(7));
	}

	@Test
	void anExpectationThatFailsSaysWhatCameInstead() {
		TestProbe probe = this.kit.createProbe();
		probe.proxy().tell(new Ping(1));
		assertThatThrownBy(() -> probe.expectMessage(Pong.class)).isInstanceOf(AssertionError.class)
			.hasMessage("Probe probe-1 expected a Pong and got Ping[n=1].");
	}

	@Test
	void anExpectationThatTimesOutSaysNothingCame() {
		TestProbe probe = this.kit.createProbe();
		assertThatThrownBy(() -> probe.expectMessage(Pong.class, Duration.ofMillis(20)))
			.isInstanceOf(AssertionError.class)
			.hasMessage("Probe probe-1 expected a Pong within PT0.02S and got nothing.");
	}

	@Test
	void expectNoMessageFailsNamingTheMessageThatCame() {
		TestProbe probe = this.kit.createProbe();
		probe.proxy().tell(new Ping(2));
		assertThatThrownBy(() -> probe.expectNoMessage(Duration.ofSeconds(30))).isInstanceOf(AssertionError.class)
			.hasMessage("Probe probe-1 expected no message for PT30S and got Ping[n=2].");
	}

	@Test
	void aProbeRecordsMessagesOfAnyTypeInOrder() {
		TestProbe probe = this.kit.createProbe();
		probe.proxy().tell(new Ping(1));
		probe.proxy().tell(new Pong(2));
		assertThat(probe.expectMessage(Ping.class)).isEqualTo(new Ping(1));
		assertThat(probe.expectMessage(Pong.class)).isEqualTo(new Pong(2));
		assertThat(probe.receivedMessages()).isEmpty();
	}

	/** Holds what cannot cross as JSON. */
	record Unserializable(Thread thread) implements Message {
	}

	@Test
	void aSendTheProbeCouldNotMakeFailsItsNextExpectation() {
		TestProbe probe = this.kit.createProbe();
		ActorProxy<Echo> echo = this.kit.core().createActor("echo", new Echo());
		probe.tell(echo, new Unserializable(Thread.currentThread()));
		assertThatThrownBy(() -> probe.expectMessage(Pong.class)).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Probe probe-1 could not send: io.libactors.ActorException: Message")
			.hasCauseInstanceOf(ActorException.class);
	}

	@Test
	void everyMessageMustSurviveAJsonRoundTrip() {
		TestProbe probe = this.kit.createProbe();
		assertThatThrownBy(() -> probe.proxy().tell(new Unserializable(Thread.currentThread())))
			.isInstanceOf(ActorException.class)
			.hasMessageContaining("does not survive a JSON round trip");
	}


	record Boom() implements Message {
	}

	static class Fragile implements Actor {

		@MessageHandler
		String onBoom(Boom boom) {
			throw new IllegalStateException("boom");
		}

	}

	@Test
	void closingFailsNamingAHandlerFailureTheTestDidNotTake() {
		ActorTestKit other = ActorTestKit.create();
		ActorProxy<Fragile> fragile = other.core().createActor("fragile", new Fragile());
		assertThatThrownBy(() -> fragile.ask(new Boom(), String.class).get(30, TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalStateException.class);
		assertThatThrownBy(other::close).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Actor 'fragile' failed handling Boom: java.lang.IllegalStateException: boom");
	}

	@Test
	void aFailureTheTestTookDoesNotFailClosing() {
		ActorProxy<Fragile> fragile = this.kit.core().createActor("fragile", new Fragile());
		assertThatThrownBy(() -> fragile.ask(new Boom(), String.class).get(30, TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalStateException.class);
		assertThat(this.kit.takeFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure.actor()).isEqualTo("fragile"))
			.satisfies((failure) -> assertThat(failure.messageType()).isEqualTo(Boom.class));
		assertThat(this.kit.takeFailures()).isEmpty();
	}

	@Test
	void theKitKeepsTheDeadLettersTheCorePublished() {
		ActorProxy<Echo> echo = this.kit.core().createActor("echo", new Echo());
		echo.tell(new Pong(3));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.kit.deadLetters().isEmpty());
		assertThat(this.kit.deadLetters()).singleElement().satisfies((letter) -> {
			assertThat(letter.reason()).isEqualTo(DeadLetter.NO_HANDLER);
			assertThat(letter.envelope().message()).isEqualTo(new Pong(3));
		});
	}

}
