package io.libactors.internal;

import org.jspecify.annotations.Nullable;

/**
 * Which actor's turn runs on the calling thread: what the {@code Context} answers for, what a
 * send takes as its sender, and what a self-ask is refused by. Kept in the thread itself on the
 * core's {@link DispatcherThread}s, in a thread-local elsewhere (an executor the application
 * gave, virtual threads). Each thread sees only its own value.
 */
public final class CurrentActor {

	/** The actor whose turn runs on a thread, for threads that are not {@link DispatcherThread}s. */
	private static final ThreadLocal<@Nullable ActorCell> CURRENT = new ThreadLocal<>();

	/** Whether a turn ever ran on a thread other than a dispatcher thread (then CURRENT is used). */
	private static volatile boolean foreignTurns;

	private CurrentActor() {
	}

	/** The actor whose {@code initialize} or handler runs on this thread, if any. */
	public static @Nullable ActorCell get() {
		Thread thread = Thread.currentThread();
		if (thread instanceof DispatcherThread dispatcher) {
			return dispatcher.current;
		}
		return foreignTurns ? CURRENT.get() : null;
	}

	/** Makes {@code cell} the current actor of this thread; returns the one it replaces. */
	static @Nullable ActorCell enter(@Nullable ActorCell cell) {
		Thread thread = Thread.currentThread();
		if (thread instanceof DispatcherThread dispatcher) {
			ActorCell outer = dispatcher.current;
			dispatcher.current = cell;
			return outer;
		}
		if (!foreignTurns) {
			foreignTurns = true;
		}
		ActorCell outer = CURRENT.get();
		CURRENT.set(cell);
		return outer;
	}

	/**
	 * Runs {@code action} outside any actor, on this thread: for completing futures other callers
	 * wait on, whose callbacks must never run as the actor whose turn completes them.
	 */
	static void outside(Runnable action) {
		ActorCell outer = get();
		if (outer == null) {
			action.run();
			return;
		}
		enter(null);
		try {
			action.run();
		}
		finally {
			enter(outer);
		}
	}

}
