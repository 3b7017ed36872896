package io.libactors.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The checker's teeth: {@link MailboxWakeupTest} on a mailbox with the lost-wakeup bug the real
 * one avoids: the turn handles the batch it saw and goes idle without a re-check, so a message
 * queued meanwhile by a sender that saw the turn still scheduled waits with no turn to come.
 * {@link JcstressGate} requires this test to show its forbidden outcome: a run where it does not
 * proves nothing about the others.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "The turn handled both messages.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The second message waits for a scheduled turn.")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "Both handled; a spare turn is scheduled and will find nothing.")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "Lost wakeup: a message waits and no turn will come.")
@State
public class BrokenMailboxWakeupTest {

	private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

	private volatile boolean scheduled;

	private int handled;

	private long work;

	public BrokenMailboxWakeupTest() {
		this.queue.add(1);
		this.scheduled = true;
	}

	@Actor
	public void sender() {
		this.queue.add(2);
		if (!this.scheduled) {
			this.scheduled = true;
		}
	}

	@Actor
	public void turn() {
		for (int batch = this.queue.size(); batch > 0; batch--) {
			this.work += handle(this.queue.poll());
			this.handled++;
		}
		this.scheduled = false;
	}

	/** A handler's worth of work, so that a sender has time to queue during the batch. */
	private static long handle(Integer message) {
		long sum = message;
		for (int i = 0; i < 2_000; i++) {
			sum = sum * 31 + i;
		}
		return sum;
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r1 = this.handled;
		result.r2 = this.scheduled ? 1 : 0;
	}

}
