package io.libactors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lincheck explores interleavings of senders and the turn on the real {@link Mailbox}, alone:
 * after every scenario, each message queued is taken exactly once, each sender's messages in the
 * order sent, or still queued with a turn scheduled for it (never a lost wakeup). Through a
 * whole cell, {@code tell} racing {@code stop} ends each message handled or dead-lettered. The same
 * checks catch a mailbox with the classic lost-wakeup bug, so they have teeth. A stress run
 * that never ends (a livelock, which model checking names) fails at the timeout.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MailboxLincheckTests {

	/**
	 * The mailbox alone: senders on every thread, a turn that takes two at a time (so that a
	 * turn often ends with mail left and must owe another), a reader of its depth.
	 */
	public static class RealMailbox {

		final RecordingMailbox mailbox = newMailbox();

		final ConcurrentLinkedQueue<Integer> told = new ConcurrentLinkedQueue<>();

		private final ConcurrentHashMap<Thread, Integer> senders = new ConcurrentHashMap<>();

		private final AtomicInteger sequence = new AtomicInteger();

		private final AtomicInteger senderIds = new AtomicInteger();

		RecordingMailbox newMailbox() {
			return new RecordingMailbox(0, 2);
		}

		/** Each thread is one sender; its numbers grow, so its order can be checked. */
		@Operation
		public void tell() {
			int sender = this.senders.computeIfAbsent(Thread.currentThread(), (thread) -> this.senderIds.incrementAndGet());
			int n = sender * 1_000_000 + this.sequence.incrementAndGet();
			if (this.mailbox.send(n)) {
				this.told.add(n);
			}
		}

		/** What the executor does with a turn it was given: run it. */
		@Operation(nonParallelGroup = "turn")
		public void turn() {
			this.mailbox.runOwedTurn();
		}

		/** Another thread counts the mailbox while turns take from it (the first one included). */
		@Operation
		public void mailboxSize() {
			int size = this.mailbox.size();
			int told = this.sequence.get();
			if (size < 0 || size > told) {
				throw new IllegalStateException("Mailbox size " + size + " with " + told + " told");
			}
		}

		@Validate
		public void everyMessageTakenOnceInOrderOrAwaitingAScheduledTurn() {
			boolean pending = this.mailbox.taken.size() < this.told.size();
			if (pending && !this.mailbox.turnOwed()) {
				throw new IllegalStateException("Lost wakeup: " + (this.told.size() - this.mailbox.taken.size())
						+ " message(s) queued and no turn scheduled");
			}
			this.mailbox.drain();
			TestCells.checkDelivery(new ArrayList<>(this.told), this.mailbox.taken);
			if (this.mailbox.size() != 0) {
				throw new IllegalStateException("Drained, yet the mailbox counts " + this.mailbox.size());
			}
		}

	}

	/**
	 * A bounded mailbox of two: what it accepts is taken once, in order, and it never counts
	 * more than two queued; what it refuses is never taken.
	 */
	public static class BoundedMailbox extends RealMailbox {

		@Override
		RecordingMailbox newMailbox() {
			return new RecordingMailbox(2, 2);
		}

		@Override
		@Operation
		public void mailboxSize() {
			int size = this.mailbox.size();
			if (size < 0 || size > 2) {
				throw new IllegalStateException("A mailbox bounded to 2 counts " + size);
			}
		}

	}

	/**
	 * {@code tell} racing {@code stop}: each message told ends handled or dead-lettered, exactly
	 * one of the two, and the actor ends stopped however many stops race. Scenarios run one at a
	 * time, so the test core's dead-letter count moves for this scenario only.
	 */
	public static class StoppingMailbox {

		private final TestCells.Recorder recorder = new TestCells.Recorder();

		private final ActorCell cell = TestCells.cell(this.recorder);

		private final AtomicInteger told = new AtomicInteger();

		private final long deadLettersBefore = TestCells.CORE.deadLetterCount();

		private volatile boolean stopped;

		@Operation
		public void tell() {
			this.cell.tell(new TestCells.Item(this.told.incrementAndGet()));
		}

		@Operation
		public void stop() {
			this.stopped = true;
			this.cell.stop();
		}

		@Operation(nonParallelGroup = "turn")
		public void turn() {
			TestCells.runOwedTurn(this.cell);
		}

		@Validate
		public void everyMessageHandledOrDeadLetteredExactlyOnce() {
			TestCells.drain(this.cell);
			long deadLettered = TestCells.CORE.deadLetterCount() - this.deadLettersBefore;
			if (this.recorder.handled.size() + deadLettered != this.told.get()) {
				throw new IllegalStateException("Told " + this.told.get() + ", handled " + this.recorder.handled.size()
						+ ", dead-lettered " + deadLettered);
			}
			if (this.stopped != (this.cell.state() == ActorCell.STOPPED)) {
				throw new IllegalStateException("Stopped " + this.stopped + " but in state " + this.cell.state());
			}
		}

	}

	/**
	 * A mailbox with the lost-wakeup bug the real one avoids: the turn goes idle after looking
	 * at the queue, not before, so a message queued in between is left with no turn to come.
	 */
	public static class BrokenMailbox {

		private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

		private volatile boolean scheduled;

		private final List<Integer> handled = new ArrayList<>();

		private final ConcurrentLinkedQueue<Integer> told = new ConcurrentLinkedQueue<>();

		@Operation
		public void tell() {
			int n = this.told.size();
			this.told.add(n);
			this.queue.add(n);
			if (!this.scheduled) {
				this.scheduled = true;
			}
		}

		@Operation(nonParallelGroup = "turn")
		public void turn() {
			if (!this.scheduled) {
				return;
			}
			for (Integer n = this.queue.poll(); n != null; n = this.queue.poll()) {
				this.handled.add(n);
			}
			this.scheduled = false;
		}

		@Validate
		public void everyMessageHandledOrAwaitingAScheduledTurn() {
			if (this.handled.size() < this.told.size() && !this.scheduled) {
				throw new IllegalStateException("Lost wakeup");
			}
		}

	}

	/** Model checking runs the whole turn instrumented: small scenarios keep it to seconds. */
	@Test
	void modelCheckingFindsNoInterleavingThatLosesOrReordersMessages() {
		new ModelCheckingOptions().iterations(8)
			.invocationsPerIteration(100)
			.threads(2)
			.actorsPerThread(3)
			.actorsBefore(1)
			.actorsAfter(0)
			.check(RealMailbox.class);
	}

	@Test
	void stressRunsFindNoLostOrReorderedMessages() {
		new StressOptions().iterations(10).invocationsPerIteration(1_000).threads(2).check(RealMailbox.class);
	}

	@Test
	void aBoundedMailboxTakesWhatItAcceptsOnceInOrderAndNeverHoldsMore() {
		new ModelCheckingOptions().iterations(8)
			.invocationsPerIteration(100)
			.threads(2)
			.actorsPerThread(3)
			.actorsBefore(1)
			.actorsAfter(0)
			.check(BoundedMailbox.class);
		new StressOptions().iterations(10).invocationsPerIteration(1_000).threads(2).check(BoundedMailbox.class);
	}

	@Test
	void tellRacingStopEndsHandledOrDeadLetteredExactlyOnce() {
		new ModelCheckingOptions().iterations(8)
			.invocationsPerIteration(100)
			.threads(2)
			.actorsPerThread(2)
			.actorsBefore(1)
			.actorsAfter(1)
			.check(StoppingMailbox.class);
		new StressOptions().iterations(10).invocationsPerIteration(1_000).threads(2).check(StoppingMailbox.class);
	}

	@Test
	void theSameChecksCatchAMailboxWithALostWakeup() {
		assertThatThrownBy(
				() -> new ModelCheckingOptions().iterations(20)
					.invocationsPerIteration(500)
					.threads(2)
					.actorsPerThread(2)
					.actorsBefore(1)
					.actorsAfter(0)
					.minimizeFailedScenario(false)
					.check(BrokenMailbox.class))
			.hasStackTraceContaining("Lost wakeup");
	}

}
