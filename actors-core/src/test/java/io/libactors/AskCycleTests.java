package io.libactors;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks that could never be answered end rather than hang: an actor asking itself fails at once,
 * and two actors blocking on each other's answers both time out and go on handling mail.
 */
class AskCycleTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	/** Asks {@code target} (blocking) {@code depth} times round; answers how that went. */
	record Call(String target, int depth) implements Message {
	}

	static class Caller implements Actor {

		@MessageHandler
		String onCall(Context context, Call call) throws InterruptedException {
			if (call.depth() == 0) {
				return "answered by " + context.name();
			}
			try {
				return context.proxy(call.target())
					.ask(new Call(context.name(), call.depth() - 1), String.class, Duration.ofMillis(200))
					.get();
			}
			catch (ExecutionException ex) {
				return context.name() + " saw " + ex.getCause().getClass().getSimpleName() + ": "
						+ ex.getCause().getMessage();
			}
		}

	}

	@Test
	void anActorAskingItselfFromItsHandlerFailsAtOnceSayingWhy() throws Exception {
		ActorProxy<Caller> narcissus = this.core.createActor("narcissus", new Caller());
		long started = System.nanoTime();
		String outcome = narcissus.ask(new Call("narcissus", 1), String.class).get(30, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(outcome).isEqualTo("narcissus saw ActorException: Actor 'narcissus' asked itself with Call from "
				+ "its own handler; the reply could only come after that handler returns. Call the method directly, "
				+ "or tell yourself the message.");
	}

	@Test
	void twoActorsBlockingOnEachOthersAnswersBothTimeOutAndGoOn() throws Exception {
		ActorProxy<Caller> alice = this.core.createActor("alice", new Caller());
		ActorProxy<Caller> bob = this.core.createActor("bob", new Caller());
		long started = System.nanoTime();
		String outcome = alice.ask(new Call("bob", 2), String.class, Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
		// bob's ask of alice times out first and he answers alice with that, or alice's own ask
		// of bob times out: either way the cycle ends in an AskTimeoutException, not a hang
		assertThat(outcome).contains("AskTimeoutException").contains("Call");
		// ended by the inner asks' 200 ms timeouts, not the outer ask's 5 s (generous for a busy machine)
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(alice.ask(new Call("bob", 0), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("answered by alice");
		assertThat(bob.ask(new Call("alice", 0), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("answered by bob");
	}

}
