package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BiConsumer;

import io.libactors.internal.handler.Handler;
import org.jspecify.annotations.Nullable;

/**
 * An actor held by a stage: a handler's {@code CompletionStage}, an {@code initializeAsync}'s, a
 * restart's back-off, a stop waiting for the children, or a {@code ShutdownMessage} handler's stage. While held, the actor's mailbox stays
 * {@code SCHEDULED}, so no sender submits a turn; the stage's completion submits one, which
 * resumes the actor on its executor, never on the completing thread.
 * <p>
 * The phase decides who goes on: the turn registering the hold CASes 0 to 1 ({@link #registered()}),
 * the completion 0 or 1 to 2. A completion that finds 0 lets the registering turn go on inline;
 * one that finds 1 submits a new turn, and from that moment the registering turn touches
 * nothing of the actor. A second completion (a stage that calls back twice) is ignored.
 */
final class AsyncHold implements BiConsumer<Object, Throwable> {


	private static final VarHandle PHASE;

	static {
		try {
			PHASE = MethodHandles.lookup().findVarHandle(AsyncHold.class, "phase", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ActorCell cell;

	/** The message whose handler returned the stage; {@code null} for a stop waiting for children. */
	final @Nullable Node node;

	final @Nullable Handler handler;

	final long mark;

	/** What the actor waits for: a handler's or a stop's stage (by the node), a start, a restart. */
	final Waits waits;

	enum Waits {
		/** A handler's stage, or a stop's (the children, a {@code ShutdownMessage} handler). */
		STAGE,
		/** The {@code initializeAsync} of the actor's first instance. */
		FIRST_START,
		/** The {@code initializeAsync} of an instance after a restart. */
		RESTART_START,
		/** The back-off before a restart. */
		BACKOFF
	}

	@Nullable Object value;

	@Nullable Throwable error;

	/** 0 registering, 1 waiting, 2 done. */
	@SuppressWarnings("unused")
	private volatile int phase;

	AsyncHold(ActorCell cell, @Nullable Node node, @Nullable Handler handler, long mark) {
		this(cell, node, handler, mark, Waits.STAGE);
	}

	AsyncHold(ActorCell cell, Waits waits) {
		this(cell, null, null, 0L, waits);
	}

	private AsyncHold(ActorCell cell, @Nullable Node node, @Nullable Handler handler, long mark, Waits waits) {
		this.cell = cell;
		this.node = node;
		this.handler = handler;
		this.mark = mark;
		this.waits = waits;
	}

	@Override
	public void accept(@Nullable Object value, @Nullable Throwable error) {
		if ((int) PHASE.getVolatile(this) == 2) {
			return; // a stage that calls back twice: the first call decided
		}
		this.value = value;
		this.error = error;
		if (PHASE.compareAndSet(this, 0, 2)) {
			return; // completed while registering: the turn goes on inline
		}
		if (PHASE.compareAndSet(this, 1, 2)) {
			this.cell.submit();
		}
	}

	/** @return {@code true} if the completion will submit the cell later */
	boolean registered() {
		return PHASE.compareAndSet(this, 0, 1);
	}

}
