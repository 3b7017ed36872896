package io.libactors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.libactors.Message;
import org.jspecify.annotations.Nullable;

/**
 * What an actor owns and ends before it ends: its children, its timers and its actlets, the
 * layer of the cell between its {@link Mailbox} and its {@link CellLifecycle}. Each is made on
 * first use, so an actor that has none holds none. One object per actor with the rest of the
 * cell.
 * <p>
 * Threading: made and read from any thread (compare-and-set on first use); ended inside the turn.
 */
abstract sealed class CellResources extends Mailbox permits CellLifecycle {

	private static final VarHandle CHILDREN;

	private static final VarHandle TIMERS;

	private static final VarHandle ACTLETS;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			CHILDREN = lookup.findVarHandle(CellResources.class, "children", Set.class);
			TIMERS = lookup.findVarHandle(CellResources.class, "timers", ActorTimers.class);
			ACTLETS = lookup.findVarHandle(CellResources.class, "actlets", Actlets.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final Kernel kernel;

	volatile @Nullable Set<ActorCell> children;

	volatile @Nullable ActorTimers timers;

	volatile @Nullable Actlets actlets;

	CellResources(Kernel kernel) {
		this.kernel = kernel;
	}

	/** The cell this layer is part of (the only kind there is). */
	final ActorCell self() {
		return (ActorCell) this;
	}

	/**
	 * Cancels the timers and actlets and stops the children, inside the turn.
	 * @return what completes once every child has ended, or {@code null} when there is none
	 */
	final @Nullable CompletableFuture<Void> endOwned() {
		ActorTimers timers = this.timers;
		if (timers != null) {
			timers.close();
		}
		Actlets actlets = this.actlets;
		if (actlets != null) {
			actlets.cancelAll();
		}
		Set<ActorCell> children = this.children;
		if (children == null || children.isEmpty()) {
			return null;
		}
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		for (ActorCell child : List.copyOf(children)) {
			stopping.add(child.end());
		}
		return CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new));
	}

	void addChild(ActorCell child) {
		Set<ActorCell> children = this.children;
		if (children == null) {
			Set<ActorCell> made = ConcurrentHashMap.newKeySet();
			children = CHILDREN.compareAndSet(this, null, made) ? made : this.children;
		}
		children.add(child);
	}

	void removeChild(ActorCell child) {
		Set<ActorCell> children = this.children;
		if (children != null) {
			children.remove(child);
		}
	}

	public ActorTimers timers() {
		ActorTimers timers = this.timers;
		if (timers == null) {
			ActorTimers made = new ActorTimers(self());
			timers = TIMERS.compareAndSet(this, null, made) ? made : this.timers;
		}
		return timers;
	}

	/** Cancels every timer (the core is closing); called from any thread. */
	void closeTimers() {
		ActorTimers timers = this.timers;
		if (timers != null) {
			timers.close();
		}
	}

	public String startActlet(Callable<? extends Message> task) {
		Actlets actlets = this.actlets;
		if (actlets == null) {
			Actlets made = new Actlets(self());
			actlets = ACTLETS.compareAndSet(this, null, made) ? made : this.actlets;
		}
		return actlets.start(task);
	}

	/** Whether actlets of this actor are still running. */
	public boolean hasActlets() {
		Actlets actlets = this.actlets;
		return actlets != null && !actlets.isEmpty();
	}

}
