package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.libactors.Core;
import io.libactors.ShutdownMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A core's own lifecycle, running, draining, terminated, and the graceful shutdown that moves
 * it along: timers first, then quiescence (no mail queued, no turn running or held, no actlet
 * result on its way), then {@code ShutdownMessage} to every actor, then dead letters for what
 * is left at the deadline. Thread-safe; shutdown runs once and later calls wait for it.
 */
final class ShutdownCoordinator {

	private static final Logger logger = LoggerFactory.getLogger(Core.class);

	private static final int RUNNING = 0;

	private static final int SHUTTING_DOWN = 1;

	private static final int TERMINATED = 2;

	private final AtomicInteger state = new AtomicInteger(RUNNING);

	private final AtomicReference<@Nullable CompletableFuture<Boolean>> result = new AtomicReference<>();

	private volatile boolean timersClosed;

	/** Actlet results between leaving their actlet's registry and their owner's mailbox. */
	private final AtomicInteger actletDeliveries = new AtomicInteger();

	private final ActorRegistry registry;

	private final DeadLetterOffice deadLetters;

	private final AskTimeouts askTimeouts;

	private final Dispatchers dispatchers;

	ShutdownCoordinator(ActorRegistry registry, DeadLetterOffice deadLetters, AskTimeouts askTimeouts,
			Dispatchers dispatchers) {
		this.registry = registry;
		this.deadLetters = deadLetters;
		this.askTimeouts = askTimeouts;
		this.dispatchers = dispatchers;
	}

	/**
	 * Stops every actor gracefully: refuses new actors and new mail from outside
	 * ({@code SHUTTING_DOWN}), cancels timers, waits until no mailbox holds mail and no handler
	 * runs (mail actors send each other meanwhile still arrives), sends {@link ShutdownMessage} to
	 * every actor and waits for them. What is still queued at the deadline becomes dead letters
	 * ({@code SHUTDOWN_TIMEOUT}) with one WARN line. Idempotent: later calls wait for the first.
	 * @param timeout how long to wait in all
	 * @return whether every actor stopped in time
	 */
	boolean shutdown(Duration timeout) {
		CompletableFuture<Boolean> mine = new CompletableFuture<>();
		if (!this.result.compareAndSet(null, mine)) {
			return this.result.get().join();
		}
		boolean stopped = false;
		try {
			stopped = drainAndStop(System.nanoTime() + timeout.toNanos(), timeout);
		}
		finally {
			this.state.set(TERMINATED);
			this.askTimeouts.close();
			this.dispatchers.shutdownOwned();
			mine.complete(stopped);
		}
		return stopped;
	}

	/**
	 * Cancels every actor timer and refuses new ones; the first step of shutdown, callable
	 * earlier (Spring calls it when the context starts to close).
	 */
	void closeTimers() {
		this.timersClosed = true;
		for (ActorCell cell : this.registry.cells()) {
			cell.closeTimers();
		}
	}

	/** Whether shutdown has not begun. */
	boolean isRunning() {
		return this.state.get() == RUNNING;
	}

	/** Whether shutdown has finished. */
	boolean isTerminated() {
		return this.state.get() == TERMINATED;
	}

	boolean timersClosed() {
		return this.timersClosed;
	}

	/** Counts an actlet result on its way from the actlet to its owner's mailbox (quiescence sees it). */
	void actletDelivery(int change) {
		this.actletDeliveries.addAndGet(change);
	}

	private boolean drainAndStop(long deadline, Duration timeout) {
		this.state.set(SHUTTING_DOWN);
		closeTimers();
		this.registry.closePending(this.deadLetters);
		awaitQuiescence(deadline);
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		for (ActorCell cell : this.registry.cells()) {
			if (cell.parent == null) {
				stopping.add(cell.end());
			}
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new));
		if (await(all, deadline)) {
			return true;
		}
		Map<String, Integer> left = new LinkedHashMap<>();
		for (ActorCell cell : this.registry.cells()) {
			left.put(cell.name(), cell.mailboxSize());
			cell.forced = true;
			cell.schedule();
		}
		await(all, System.nanoTime() + Math.min(timeout.toNanos() / 10 + 100_000_000L, 1_000_000_000L));
		List<String> busy = this.registry.cells().stream().map(ActorCell::name).collect(Collectors.toList());
		logger.warn("Actors did not stop within {}: still-queued messages became dead letters (SHUTDOWN_TIMEOUT): {}{}",
				timeout, left.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining(", ")),
				busy.isEmpty() ? "" : "; still in a handler: " + String.join(", ", busy));
		return false;
	}

	/**
	 * Waits until every mailbox is empty, no turn runs or is held, no actlet runs, and the total
	 * of messages ever taken did not move between two looks: a message in flight between two
	 * actors is either still queued, or its sender's turn is still running, at either look.
	 */
	private void awaitQuiescence(long deadline) {
		long previousTotal = -1;
		long pause = 100_000L;
		while (System.nanoTime() < deadline) {
			long total = 0;
			boolean quiet = true;
			for (ActorCell cell : this.registry.cells()) {
				total += cell.takenCount();
				if (!cell.isQuiet() || cell.hasActlets()) {
					quiet = false;
				}
			}
			if (this.actletDeliveries.get() != 0) {
				quiet = false;
			}
			if (quiet && total == previousTotal) {
				return;
			}
			previousTotal = quiet ? total : -1;
			LockSupport.parkNanos(pause);
			pause = Math.min(pause * 2, 10_000_000L);
		}
	}

	private static boolean await(CompletableFuture<Void> future, long deadline) {
		try {
			future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

}
