package io.libactors.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The lost wakeup: a sender queues a message while the actor's turn is finishing. Either the
 * turn takes the message, or a turn is scheduled for it; never is it left queued with no turn
 * to come. Result: (messages handled, whether a turn is scheduled).
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The turn handled both messages.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The second message waits for a scheduled turn.")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "Both handled; a spare turn is scheduled and will find nothing.")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "Lost wakeup: a message waits and no turn will come.")
@State
public class MailboxWakeupTest {

	private final RecordingMailbox mailbox = new RecordingMailbox(0, 10);

	public MailboxWakeupTest() {
		this.mailbox.send(1);
	}

	@Actor
	public void sender() {
		this.mailbox.send(2);
	}

	@Actor
	public void turn() {
		this.mailbox.runOwedTurn();
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r1 = this.mailbox.taken.size();
		result.r2 = this.mailbox.turnOwed() ? 1 : 0;
	}

}
