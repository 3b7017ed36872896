package io.libactors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The mailbox alone, for concurrency checkers: senders queue numbered items, and a turn, run
 * when the checker says, takes up to its throughput and records what it took, as the cell's
 * turn does with no actor behind it. No executor: the status word says whether a turn is owed.
 */
final class RecordingMailbox extends Mailbox {

	/** What the turns took, in order; written by the turn only. */
	final List<Integer> taken = new ArrayList<>();

	private final int capacity;

	private final int throughput;

	RecordingMailbox(int capacity, int throughput) {
		this.capacity = capacity;
		this.throughput = throughput;
	}

	@Override
	int capacity() {
		return this.capacity;
	}

	@Override
	void submit() {
		// the checker runs the turn owed; SCHEDULED is the submission
	}

	/** A sender's {@code tell}: {@code false} when a bounded mailbox is full. */
	boolean send(int n) {
		return enqueue(new Node(new TestCells.Item(n), null, null, null), false);
	}

	boolean turnOwed() {
		return this.status == SCHEDULED;
	}

	/** What the executor does with a turn it was given: take up to the throughput, then end the turn. */
	void runOwedTurn() {
		if (!turnOwed()) {
			return;
		}
		TurnState turn = turnState();
		for (int i = 0; i < this.throughput; i++) {
			Node node = poll(turn);
			if (node == null) {
				break;
			}
			this.taken.add(((TestCells.Item) Objects.requireNonNull(node.message)).n());
			node.release();
		}
		endTurn();
	}

	/**
	 * An idle entity's turn: takes what is queued, then closes; mail that came as it closed is
	 * taken by this turn (it reopened and tries again) or is its senders' again (closed).
	 */
	void runOwedTurnThenClose() {
		if (!turnOwed()) {
			return;
		}
		TurnState turn = turnState();
		for (;;) {
			Node node = poll(turn);
			if (node == null) {
				if (close(turn)) {
					return;
				}
				continue;
			}
			this.taken.add(((TestCells.Item) Objects.requireNonNull(node.message)).n());
			node.release();
		}
	}

	/** Runs the turns owed until none is. */
	void drain() {
		while (turnOwed()) {
			runOwedTurn();
		}
	}

	int size() {
		return depth();
	}

}
