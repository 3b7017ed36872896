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

	private final TestCells.Recorder recorder = new TestCells.Recorder();

	private final ActorCell cell = TestCells.cell(this.recorder);

	@Actor
	public void first() {
		this.cell.tell(new TestCells.Item(1));
		this.cell.tell(new TestCells.Item(2));
	}

	@Actor
	public void second() {
		this.cell.tell(new TestCells.Item(3));
		this.cell.tell(new TestCells.Item(4));
	}

	@Arbiter
	public void arbiter(I_Result result) {
		TestCells.drain(this.cell);
		int order = 0;
		for (int n : this.recorder.handled) {
			order = order * 10 + n;
		}
		result.r1 = order;
	}

}
