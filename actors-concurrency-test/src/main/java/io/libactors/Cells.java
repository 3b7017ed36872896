package io.libactors;

/**
 * Actor cells for jcstress states: made directly, never registered, on a core whose executor
 * runs nothing, so that a test decides when a turn runs (on an actor thread of its own).
 */
final class Cells {

	/** Turns are owed, never run: a dispatch only leaves the cell {@code SCHEDULED}. */
	static final Core CORE = Core.builder().executor((turn) -> {
	}).build();

	record Item(int n) implements Message {
	}

	/** Remembers what it handled, in order, as decimal digits (items 1-9). */
	static final class Recorder implements Actor {

		int handled;

		int order;

		@MessageHandler
		void onItem(Item item) {
			this.handled++;
			this.order = this.order * 10 + item.n();
		}

	}

	private Cells() {
	}

	static ActorCell cell(Recorder recorder) {
		return new ActorCell(CORE, "jcstress", 1, null, ActorOrigin.RESUMING_INSTANCE, recorder,
				CORE.routerFor(Recorder.class));
	}

	static boolean scheduled(ActorCell cell) {
		return cell.status == ActorCell.SCHEDULED;
	}

	/** Runs the turns owed until none is: what the executor would have done. */
	static void drain(ActorCell cell) {
		while (scheduled(cell)) {
			cell.run();
		}
	}

}
