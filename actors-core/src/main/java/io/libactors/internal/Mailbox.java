package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;

/**
 * An actor's mailbox: Vyukov's intrusive multi-producer single-consumer queue, and the
 * scheduling handshake that lets at most one turn take from it at a time.
 * <p>
 * <b>Queue.</b> Producers swap {@link #tail} (a full fence), then link the old tail to their
 * node; a node is visible to the turn once linked. Only the turn reads from the head, which lives
 * in the {@link TurnState} made with the first message: until then the mailbox itself is the
 * head, and again whenever a turn ends with nothing queued, so an idle actor holds no node. A
 * taken node stays as the stub while the turn goes on, then links to itself (see
 * {@link Link#unlink()}).
 * <p>
 * <b>Handshake</b>, the {@link #status} word:
 * <pre>
 * IDLE      --a producer's CAS-->  SCHEDULED   the producer submits the turn
 * SCHEDULED --the turn ends-->     IDLE        then it reads the tail again: mail came, so
 *                                              it CASes back to SCHEDULED and submits
 * SCHEDULED --a hold registers-->  SCHEDULED   the hold's completion submits the turn
 * IDLE      --stop()'s CAS-->      ENDING      the stopping thread ends the actor, then IDLE
 * ENDING    --the end runs user code--> SCHEDULED   the stopper submits the turn
 * SCHEDULED --an idle entity's turn--> CLOSING  then it reads the tail: mail came, so SCHEDULED
 *                                              again; none, so CLOSED, for good
 * </pre>
 * <b>Ordering.</b> A producer swaps the tail, then reads the status; the turn writes
 * {@code IDLE}, then reads the tail (Dekker's pattern): one of them sees the other, so a message
 * linked while a turn ends is never left without a turn (the lost wakeup). A bounded mailbox
 * counts what comes in ({@link #enqueued}) against what the turn took ({@code TurnState.dequeued}).
 * <b>Closing</b> (an entity passivating) is the same pattern between the turn and senders: the turn
 * writes {@code CLOSING}, then reads the tail; a sender swaps the tail, then reads the status. A
 * sender that sees {@code CLOSING} waits for the turn's verdict: reopened, the turn takes its node;
 * {@code CLOSED}, the turn saw no node after its own, so the sender's node is nobody's but the
 * sender's, who sends it again to the entity's next activation. No node is lost or taken twice.
 * <p>
 * Threading: {@code link}, {@code enqueue} and {@code schedule} from any thread; {@code poll} and
 * {@code endTurn} only from the turn that holds the status. The cell is the only kind at
 * runtime; tests check the mailbox alone through a subclass of their own.
 */
abstract class Mailbox extends Link {

	static final int IDLE = 0;

	static final int SCHEDULED = 1;

	/** The stopping thread holds the turn to end the actor itself. */
	static final int ENDING = 2;

	/** The turn of an idle entity is deciding whether to close: senders wait for its verdict. */
	static final int CLOSING = 3;

	/** An entity's mailbox that takes no more mail: senders send what they linked again. */
	static final int CLOSED = 4;

	private static final VarHandle TAIL;

	private static final VarHandle STATUS;

	private static final VarHandle ENQUEUED;

	private static final VarHandle TURN;

	private static final VarHandle DEQUEUED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			TAIL = lookup.findVarHandle(Mailbox.class, "tail", Link.class);
			STATUS = lookup.findVarHandle(Mailbox.class, "status", int.class);
			ENQUEUED = lookup.findVarHandle(Mailbox.class, "enqueued", long.class);
			TURN = lookup.findVarHandle(Mailbox.class, "turn", TurnState.class);
			DEQUEUED = lookup.findVarHandle(TurnState.class, "dequeued", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// What senders write is here; what the turn writes for every message is in its TurnState.

	/** Producer side; swapped by every sender. */
	private volatile Link tail;

	/** Messages ever queued to a bounded mailbox. */
	private volatile long enqueued;

	/** {@code IDLE} to {@code CLOSED}. */
	volatile int status;

	/** Made when the actor first takes mail; see {@link #turnState()}. */
	private @Nullable TurnState turn;

	Mailbox() {
		this.tail = this;
	}

	/**
	 * The most messages queued at once; 0 for no bound. A method, not a field: the cell already
	 * holds what knows it, and a field would cost every actor 8 bytes (the object's alignment).
	 */
	abstract int capacity();

	/** Gives the turn to the executor. */
	abstract void submit();

	/** The turn's state, made now if this is the first turn; only from inside the turn. */
	final TurnState turnState() {
		TurnState turn = this.turn;
		if (turn == null) {
			turn = new TurnState(this);
			TURN.setRelease(this, turn);
		}
		return turn;
	}

	/** The turn's state as the turn left it: {@code null} before the first turn. */
	final @Nullable TurnState existingTurn() {
		return this.turn;
	}

	/** The turn's state as another thread sees it: {@code null} before the actor first took mail. */
	final @Nullable TurnState publishedTurn() {
		return (TurnState) TURN.getAcquire(this);
	}

	/** Where the consumer side is, from any thread. */
	final Link head() {
		TurnState turn = publishedTurn();
		return (turn != null) ? turn.head : this;
	}

	/** Messages ever taken from the mailbox, from any thread. */
	final long takenCount() {
		TurnState turn = publishedTurn();
		return (turn != null) ? turn.dequeued : 0L;
	}

	/** Bounded mailboxes count; unbounded ones are walked, from any thread, O(depth). */
	final int depth() {
		if (capacity() > 0) {
			return (int) Math.max(0, this.enqueued - takenCount());
		}
		for (;;) {
			Link node = head();
			int count = 0;
			for (;;) {
				Link next = node.next();
				if (next == null || count == Integer.MAX_VALUE) {
					return count;
				}
				if (next == node) {
					break; // the turn moved past this node meanwhile: walk again from the new head
				}
				count++;
				node = next;
			}
		}
	}

	/**
	 * Links a node into the mailbox and makes sure a turn will see it.
	 * @param ignoreCapacity for system messages
	 * @return {@code false} when the bounded mailbox is full, or closed ({@link #isClosed()}):
	 * no turn will take the node
	 */
	final boolean enqueue(Node node, boolean ignoreCapacity) {
		if (!link(node, ignoreCapacity)) {
			return false;
		}
		// Closed: the turn saw the tail at the last node it took, so a node it did not take was
		// linked after that, and is the caller's again (one it took, it took before closing).
		return schedule() || node.sequence > 0;
	}

	/** Links a node into the mailbox; the caller makes sure a turn will see it. */
	final boolean link(Node node, boolean ignoreCapacity) {
		int capacity = capacity();
		if (capacity > 0) {
			// Only a bounded mailbox counts what comes in: it is one more atomic per message.
			if (ignoreCapacity) {
				ENQUEUED.getAndAdd(this, 1L);
			}
			else {
				long queued;
				do {
					queued = this.enqueued;
					if (queued - takenCount() >= capacity) {
						return false;
					}
				}
				while (!ENQUEUED.compareAndSet(this, queued, queued + 1));
			}
		}
		node.receiver = this;
		// The swap is a full fence: the caller's status read after it cannot pass it. The turn
		// writes the status, then reads the tail (Dekker's pattern), so one of the two sees the other.
		Link previous = (Link) TAIL.getAndSet(this, node);
		previous.linkNext(node);
		return true;
	}

	/**
	 * Makes sure a turn will come for what the caller linked: submits one unless one is scheduled
	 * or running.
	 * @return {@code false} when the mailbox is closed: then no turn will come
	 */
	final boolean schedule() {
		int status = this.status;
		if (status == IDLE) {
			if (STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
				submit();
			}
			// else a turn was scheduled meanwhile: it reads the tail after this link, even to close
			return true;
		}
		return status < CLOSING || awaitVerdict();
	}

	/**
	 * The turn is closing: whether it reopened (it takes what the caller linked, or took it
	 * already) or closed.
	 */
	private boolean awaitVerdict() {
		for (int spins = 0;; spins++) {
			int status = this.status;
			if (status != CLOSING) {
				return status != CLOSED;
			}
			if (spins < 100) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
	}

	/**
	 * From the turn of an entity with no mail left: closes the mailbox for good, unless mail came.
	 * @return whether it closed; if not, the turn goes on and takes the mail that came
	 */
	final boolean close(TurnState turn) {
		STATUS.setVolatile(this, CLOSING);
		// Dekker's pattern with the senders: a node linked before this read is seen here, and the
		// sender of any node linked after it sees CLOSING or CLOSED.
		if (TAIL.getVolatile(this) != turn.head) {
			STATUS.setVolatile(this, SCHEDULED);
			return false;
		}
		STATUS.setVolatile(this, CLOSED);
		return true;
	}

	/** Whether the mailbox closed for good; from any thread. */
	final boolean isClosed() {
		return this.status == CLOSED;
	}

	/** From an idle actor's stopper: takes the turn to end the actor on the calling thread. */
	final boolean claimEnding() {
		return this.status == IDLE && STATUS.compareAndSet(this, IDLE, ENDING);
	}

	/** The stopper holds the turn but the end runs user code: the executor takes over. */
	final void passEnding() {
		STATUS.setVolatile(this, SCHEDULED);
		submit();
	}

	/** Gives the turn up, unless mail came meanwhile: then another turn is owed. */
	final void endTurn() {
		if (this.status == CLOSED) {
			return; // only the turn closes, and a closed mailbox has no more turns
		}
		TurnState turn = turnState();
		restub(turn);
		STATUS.setVolatile(this, IDLE);
		if (TAIL.getVolatile(this) != turn.head && STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
			submit();
		}
	}

	/**
	 * No mail is left: the mailbox becomes its own stub again, so that an idle actor keeps no
	 * taken node. Nobody links to the mailbox while the tail is elsewhere, so its link can be
	 * cleared first; a sender that swapped the tail meanwhile makes the swap back fail, and the
	 * taken node stays the stub.
	 */
	private void restub(TurnState turn) {
		Link head = turn.head;
		if (head == this || head.next() != null) {
			return;
		}
		clearNext();
		if (TAIL.compareAndSet(this, head, this)) {
			turn.head = this;
		}
	}

	/** The next message, or {@code null} if none is queued; only from the turn. */
	final @Nullable Node poll(TurnState turn) {
		Link head = turn.head;
		Link next = head.next();
		if (next == null) {
			if (TAIL.getVolatile(this) == head) {
				return null;
			}
			next = awaitLink(head);
		}
		turn.head = next;
		// No producer links to the old head any more. Unlinking it keeps a dead node that the
		// GC has promoted from holding its young successors alive (and them theirs).
		head.unlink();
		// only the mailbox itself is never after another link
		Node node = (Node) next;
		// from 1: a node never taken keeps 0 (see enqueue)
		node.sequence = turn.dequeued + 1;
		DEQUEUED.setRelease(turn, turn.dequeued + 1);
		return node;
	}

	/** A producer has swapped the tail but not linked its node yet: it will in a moment. */
	private static Link awaitLink(Link head) {
		for (int spins = 0;; spins++) {
			Link next = head.next();
			if (next != null) {
				return next;
			}
			if (spins < 100) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
	}

	/** Whether no turn runs or waits and no mail is queued; from any thread. */
	final boolean isQuiet() {
		// The turn writes the head before it sets IDLE; a sender swaps the tail before it reads
		// the status: seeing IDLE and the tail at the head means no mail is queued.
		return this.status == IDLE && TAIL.getVolatile(this) == head();
	}

}
