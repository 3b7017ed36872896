package io.libactors.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actor's idle timeout sends its message once the actor has taken no mail for the quiet
 * period, again after each further one, and never while mail keeps coming; on the kit's clock.
 */
class IdleTimeoutTests {

	private static final Duration QUIET = Duration.ofSeconds(10);

	private final ActorTestKit kit = ActorTestKit.create();

	@AfterEach
	void close() {
		this.kit.close();
	}

	record Idle() implements Message {
	}

	record Work() implements Message {
	}

	record CountIdle() implements Message {
	}

	record Cancel() implements Message {
	}

	record Unhandled() implements Message {
	}

	record SetUnhandled() implements Message {
	}

	/** Counts its idle messages. */
	static class Session implements Actor {

		int idle;

		@Override
		public void initialize(Context context) {
			context.timers().startIdle(QUIET, new Idle());
		}

		@MessageHandler
		void on(Idle idle) {
			this.idle++;
		}

		@MessageHandler
		void on(Work work) {
		}

		@MessageHandler
		int on(CountIdle count) {
			return this.idle;
		}

		@MessageHandler
		void on(Context context, Cancel cancel) {
			context.timers().cancelIdle();
		}

		@MessageHandler
		String on(Context context, SetUnhandled set) {
			try {
				context.timers().startIdle(QUIET, new Unhandled());
				return "accepted";
			}
			catch (RuntimeException ex) {
				return ex.getMessage();
			}
		}

	}

	private ActorProxy<Session> start() throws Exception {
		ActorProxy<Session> session = this.kit.core().createActor("session", new Session());
		this.kit.core().whenStarted(session).get(30, TimeUnit.SECONDS);
		return session;
	}

	/** Moves the clock, then asks: the ask comes behind what the move sent, and is mail too. */
	private int idleAfter(ActorProxy<Session> session, Duration step) throws Exception {
		this.kit.clock().advance(step);
		return session.ask(new CountIdle(), Integer.class).get(30, TimeUnit.SECONDS);
	}

	@Test
	void anIdleTimeoutNeverComesWhileMailKeepsComing() throws Exception {
		ActorProxy<Session> session = start();
		for (int i = 0; i < 50; i++) {
			// each ask is mail: the quiet period starts again
			assertThat(idleAfter(session, QUIET.minusMillis(1))).isZero();
		}
	}

	@Test
	void anIdleTimeoutComesAfterEachQuietPeriod() throws Exception {
		ActorProxy<Session> session = start();
		this.kit.clock().advance(QUIET.minusMillis(1));
		this.kit.clock().advance(Duration.ofMillis(1));
		// the idle message, then this ask: both mail, so the next period starts with them
		assertThat(session.ask(new CountIdle(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		this.kit.clock().advance(QUIET);
		assertThat(session.ask(new CountIdle(), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(2);
		session.tell(new Work());
		assertThat(idleAfter(session, QUIET.dividedBy(2))).isEqualTo(2);
		assertThat(idleAfter(session, QUIET)).isEqualTo(3);
	}

	@Test
	void aCancelledIdleTimeoutNeverComes() throws Exception {
		ActorProxy<Session> session = start();
		session.tell(new Cancel());
		for (int i = 0; i < 5; i++) {
			assertThat(idleAfter(session, QUIET.multipliedBy(2))).isZero();
		}
	}

	@Test
	void anIdleMessageTheActorDoesNotHandleIsRefusedAtOnce() throws Exception {
		ActorProxy<Session> session = start();
		assertThat(session.ask(new SetUnhandled(), String.class).get(30, TimeUnit.SECONDS))
			.contains("'session'", Session.class.getName(), Unhandled.class.getName(), "@MessageHandler");
		// the idle timeout set before stays
		assertThat(idleAfter(session, QUIET)).isEqualTo(1);
	}

}
