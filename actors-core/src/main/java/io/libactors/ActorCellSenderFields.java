package io.libactors;

/**
 * The fields of an {@link ActorCell} that senders touch on every message: laid out first, apart
 * from the fields the actor's turn writes for every message (see {@link ActorCellColdFields}).
 */
abstract class ActorCellSenderFields extends Link {

	/** Producer side of the mailbox; swapped by every sender. */
	volatile Link tail;

	/** Messages ever queued to a bounded mailbox. */
	volatile long enqueued;

	/** {@code IDLE}, {@code SCHEDULED} or {@code ENDING}. */
	volatile int status;

	/** {@code STARTING} to {@code FAILED}; read by every sender, written rarely. */
	volatile int state;

	final Core core;

	/** Replaced only by a restart, inside the turn. */
	Router router;

	ActorCellSenderFields(Core core, Router router) {
		this.core = core;
		this.router = router;
	}

}
