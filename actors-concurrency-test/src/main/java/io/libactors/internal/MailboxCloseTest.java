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
 * A passivating entity closes its mailbox while a sender queues a message: either the turn
 * takes the message (it reopened, or took it before closing), or the sender learns that nobody
 * will and has it back to send to the next activation. Never both, never neither. Result:
 * (messages the turns took, whether the sender was told the mailbox took it).
 */
@JCStressTest
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "The turn took the message, and the sender was told so.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "Closed first: the sender has its message back.")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Lost: the sender was told it was taken, and no turn took it.")
@Outcome(id = "2, 0", expect = FORBIDDEN, desc = "Twice: taken by the turn, and given back to the sender.")
@State
public class MailboxCloseTest {

	private final RecordingMailbox mailbox = new RecordingMailbox(0, 10);

	private boolean accepted;

	public MailboxCloseTest() {
		this.mailbox.send(1);
	}

	@Actor
	public void sender() {
		this.accepted = this.mailbox.send(2);
	}

	@Actor
	public void turn() {
		this.mailbox.runOwedTurnThenClose();
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r1 = this.mailbox.taken.size();
		result.r2 = this.accepted ? 1 : 0;
	}

}
