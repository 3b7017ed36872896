package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;

/**
 * A place in a mailbox's chain, which the tail swaps and the head walks: a message's
 * {@link Node}, or the actor's cell itself, which starts its own chain so that an actor that
 * never had mail holds no node. Once the turn has moved past a link, it links to itself.
 */
abstract class Link {

	private static final VarHandle NEXT;

	static {
		try {
			NEXT = MethodHandles.lookup().findVarHandle(Link.class, "next", Link.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@SuppressWarnings("unused") // accessed through NEXT
	private volatile @Nullable Link next;

	/** The next link: a {@link Node}, {@code null} at the tail, or this link once passed. */
	final @Nullable Link next() {
		return (Link) NEXT.getAcquire(this);
	}

	/** A release store: the turn finds the node from here once it sees the swapped tail. */
	final void linkNext(Node node) {
		NEXT.setRelease(this, node);
	}

	/**
	 * Links this to itself once the turn has moved past it: it no longer keeps later nodes
	 * alive, and a reader walking the mailbox sees that it fell behind.
	 */
	final void unlink() {
		NEXT.setRelease(this, this);
	}

	/** Makes this link a queue's last again; only while no producer can reach it. */
	final void clearNext() {
		NEXT.setRelease(this, null);
	}

}
