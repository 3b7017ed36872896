package io.libactors.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.jspecify.annotations.Nullable;

/**
 * A thread of the core's own dispatcher pool. It runs nothing but turns, so turns may leave
 * their MDC keys for the next turn to overwrite, and skip a put when the value is already there.
 * Its fields belong to the thread itself.
 */
final class DispatcherThread extends ForkJoinWorkerThread {

	/** The actor whose turn runs on this thread, if any. */
	@Nullable ActorCell current;

	/** The {@code actor} MDC value this thread's turns left, if any. */
	@Nullable String mdcActor;

	/** The {@code messageType} MDC value this thread's turns left, if any. */
	@Nullable String mdcType;

	/** The MDC scope of every turn on this thread, made by the first. */
	Mdc.@Nullable Scope mdcScope;

	DispatcherThread(ForkJoinPool pool, String name) {
		super(pool);
		setName(name);
		setDaemon(true);
	}

}
