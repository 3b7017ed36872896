package io.libactors.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.libactors.Actor;
import io.libactors.Core;
import io.libactors.CoreAccess;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Supervision;


/**
 * Actor cells for concurrency checkers: made directly, never registered, on a core whose
 * executor runs nothing, so that the checker decides when a turn runs.
 */
final class TestCells {

	/** Turns are owed, never run: a dispatch only leaves the cell {@code SCHEDULED}. */
	static final Core CORE = Core.builder().executor((turn) -> {
	}).build();

	static final Kernel KERNEL = CoreAccess.kernel(CORE);

	record Item(int n) implements Message {
	}

	/**
	 * Remembers what it handled, in order. One handler only: Lincheck's model checker gives
	 * objects new identity hash codes, so a table map with several entries, built outside the
	 * checker, would miss inside it (one entry is found by equality).
	 */
	static final class Recorder implements Actor {

		final List<Integer> handled = new ArrayList<>();

		@MessageHandler
		void onItem(Item item) {
			this.handled.add(item.n());
		}

	}

	private TestCells() {
	}

	static ActorCell cell(Recorder recorder) {
		return new ActorCell(KERNEL, "checked", null, KERNEL.origin(null, null, Supervision.RESUME, null, null, false),
				recorder, KERNEL.tables.tableFor(Recorder.class));
	}

	static boolean scheduled(ActorCell cell) {
		return cell.status == ActorCell.SCHEDULED;
	}

	/** Runs the turn owed, if one is: what the executor does with a turn it was given. */
	static void runOwedTurn(ActorCell cell) {
		if (scheduled(cell)) {
			cell.run();
		}
	}

	/** Runs the turns owed until none is: what the executor would have done. */
	static void drain(ActorCell cell) {
		while (scheduled(cell)) {
			cell.run();
		}
	}

	/**
	 * Fails unless every message told was handled exactly once and each sender's messages
	 * (numbered {@code sender * 1_000_000 + increasing}) in the order sent.
	 */
	static void checkDelivery(List<Integer> told, List<Integer> handled) {
		if (handled.size() != told.size() || !new HashSet<>(handled).equals(new HashSet<>(told))) {
			throw new IllegalStateException("Told " + told + " but handled " + handled);
		}
		Set<Integer> seen = new HashSet<>();
		Map<Integer, Integer> last = new HashMap<>();
		for (int n : handled) {
			if (!seen.add(n)) {
				throw new IllegalStateException("Handled twice: " + n + " in " + handled);
			}
			Integer previous = last.put(n / 1_000_000, n);
			if (previous != null && previous > n) {
				throw new IllegalStateException("Out of its sender's order: " + n + " after " + previous);
			}
		}
	}

}
