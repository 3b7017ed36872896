package io.libactors.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.libactors.ActorException;
import io.libactors.Core;
import io.libactors.Dispatcher;
import io.libactors.HandlerRegistrationException;
import io.libactors.internal.handler.HandlerTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where turns and actlets run: the executors the application gave, or the core's own (a
 * {@link DispatcherThread} pool sized to the CPUs, or virtual threads), and the core's timer
 * (ask deadlines, refused turns, actor timers without a scheduler of their own). Shuts down
 * only what it made. Thread-safe.
 */
final class Dispatchers {

	private static final Logger logger = LoggerFactory.getLogger(Core.class);

	private final Executor turns;

	private final Executor actlets;

	private final ScheduledThreadPoolExecutor timer;

	/** Where timed-out asks complete, off the timer: threads only while some complete. */
	private final ExecutorService completions;

	private final List<ExecutorService> owned = new ArrayList<>();

	private final RuntimeLog log;

	private final BooleanSupplier terminated;

	/** Where {@code @Dispatcher} names are looked up (the application's). */
	private final Function<String, @Nullable Executor> lookup;

	/** The executors {@code @Dispatcher} names, resolved. */
	private final ConcurrentHashMap<String, Executor> named = new ConcurrentHashMap<>();

	Dispatchers(CoreSettings settings, RuntimeLog log, BooleanSupplier terminated) {
		this.lookup = settings.dispatchers();
		this.log = log;
		this.terminated = terminated;
		this.timer = own(new ScheduledThreadPoolExecutor(1, daemonThreads("libactors-timer-")));
		this.timer.setRemoveOnCancelPolicy(true);
		this.turns = (settings.executor() != null) ? settings.executor() : own(dispatcher(settings.virtualThreads()));
		this.actlets = (settings.actletExecutor() != null) ? settings.actletExecutor()
				: own(cachedThreads("libactors-actlet-", settings.virtualThreads()));
		this.completions = own(cachedThreads("libactors-ask-", settings.virtualThreads()));
	}

	ScheduledThreadPoolExecutor timer() {
		return this.timer;
	}

	/** Where timed-out asks complete. */
	Executor completions() {
		return this.completions;
	}

	/** Stops the executors this core made (not the application's). */
	void shutdownOwned() {
		this.owned.forEach(ExecutorService::shutdown);
	}

	/**
	 * Resolves the executor a table's {@code @Dispatcher} names, once per name.
	 * @throws HandlerRegistrationException for a name this core does not know
	 */
	void check(HandlerTable table) {
		String name = table.dispatcher;
		if (name == null || this.named.containsKey(name)) {
			return;
		}
		Executor executor = Dispatcher.VIRTUAL.equals(name) ? virtualTurns() : this.lookup.apply(name);
		if (executor == null) {
			throw new HandlerRegistrationException(table.actorClass.getName() + " is @Dispatcher(\"" + name
					+ "\"), but this core has no executor of that name.",
					"Declare an Executor bean named '" + name + "' (Spring), give Core.builder().dispatchers(...) one, "
							+ "or use @Dispatcher(Dispatcher.VIRTUAL).");
		}
		this.named.putIfAbsent(name, executor);
	}

	private synchronized Executor virtualTurns() {
		Executor existing = this.named.get(Dispatcher.VIRTUAL);
		if (existing != null) {
			return existing;
		}
		ExecutorService threads = virtualThreads("libactors-virtual-");
		return (threads != null) ? own(threads) : this.turns;
	}

	void dispatch(ActorCell cell) {
		String name = cell.table.dispatcher;
		try {
			((name == null) ? this.turns : this.named.get(name)).execute(cell);
		}
		catch (RuntimeException ex) {
			redispatch(cell, ex);
		}
	}

	/**
	 * The executor refused a turn: the cell stays scheduled and its turn is offered again on the
	 * timer, so a busy bounded pool loses nothing. Once the core has terminated, the mail is
	 * accounted for on this thread instead, as dead letters.
	 */
	private void redispatch(ActorCell cell, RuntimeException refusal) {
		if (!this.terminated.getAsBoolean()) {
			this.log.refusedTurn(cell, refusal);
			try {
				this.timer.schedule(() -> dispatch(cell), 10, TimeUnit.MILLISECONDS);
				return;
			}
			catch (RejectedExecutionException ex) {
				// the timer is gone too: the core is terminating
			}
		}
		this.log.refusedForGood(cell);
		cell.forced = true;
		cell.run();
	}

	void runActlet(Runnable task) {
		try {
			this.actlets.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new ActorException("Actlet refused: the actlet executor has shut down.", ex);
		}
	}

	private <E extends ExecutorService> E own(E executor) {
		this.owned.add(executor);
		return executor;
	}

	private static ExecutorService dispatcher(boolean virtual) {
		if (virtual) {
			ExecutorService threads = virtualThreads("libactors-dispatcher-");
			if (threads != null) {
				return threads;
			}
		}
		AtomicInteger count = new AtomicInteger();
		return new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
				(pool) -> new DispatcherThread(pool, "libactors-dispatcher-" + count.incrementAndGet()), null, true);
	}

	/** Virtual threads when asked for (and on Java 21+), else a cached pool: no thread until a task comes. */
	private static ExecutorService cachedThreads(String prefix, boolean virtual) {
		if (virtual) {
			ExecutorService threads = virtualThreads(prefix);
			if (threads != null) {
				return threads;
			}
		}
		return Executors.newCachedThreadPool(daemonThreads(prefix));
	}

	/** A thread-per-task executor of virtual threads on Java 21+, else {@code null}. */
	private static @Nullable ExecutorService virtualThreads(String prefix) {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			builder = builderType.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
			ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
			Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
			return (ExecutorService) perTask.invoke(null, factory);
		}
		catch (ReflectiveOperationException ex) {
			logger.warn("Virtual threads need Java 21 or later; using platform threads");
			return null;
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
