package io.libactors.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two senders each tell an ordered pair (1 then 2; 3 then 4). Every interleaving that keeps
 * both pairs in order is fine; a loss, a duplicate or a reordering is not. Result: the order
 * handled, as digits.
 */
@JCStressTest
@Outcome(id = { "1234", "1324", "1342", "3124", "3142", "3412" }, expect = ACCEPTABLE,
		desc = "Each sender's messages arrive in the order sent.")
@Outcome(expect = FORBIDDEN, desc = "A message lost, duplicated or out of its sender's order.")
@State
public class MailboxOrderTest {

	private final RecordingMailbox mailbox = new RecordingMailbox(0, 10);

	@Actor
	public void first() {
		this.mailbox.send(1);
		this.mailbox.send(2);
	}

	@Actor
	public void second() {
		this.mailbox.send(3);
		this.mailbox.send(4);
	}

	@Arbiter
	public void arbiter(I_Result result) {
		this.mailbox.drain();
		int order = 0;
		for (int n : this.mailbox.taken) {
			order = order * 10 + n;
		}
		result.r1 = order;
	}

}
