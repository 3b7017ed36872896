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
 * A sender queues two messages while a turn drains the mailbox: whatever the turn does not
 * take, the turns owed afterwards do. Nothing is lost or handled twice. Result: (handled by
 * the racing turn, handled in all).
 */
@JCStressTest
@Outcome(id = { "0, 2", "1, 2", "2, 2" }, expect = ACCEPTABLE, desc = "Both handled, once each.")
@Outcome(expect = FORBIDDEN, desc = "A message lost or handled twice.")
@State
public class MailboxHandOverTest {

	private final RecordingMailbox mailbox = new RecordingMailbox(0, 10);

	private int byRacingTurn;

	@Actor
	public void sender() {
		this.mailbox.send(1);
		this.mailbox.send(2);
	}

	@Actor
	public void turn() {
		this.mailbox.runOwedTurn();
		this.byRacingTurn = this.mailbox.taken.size();
	}

	@Arbiter
	public void arbiter(II_Result result) {
		this.mailbox.drain();
		result.r1 = this.byRacingTurn;
		result.r2 = this.mailbox.taken.size();
	}

}
