package io.libactors.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Terminated;

/**
 * Death watch: who watches which actor, told {@link Terminated} once it has ended. A watch and
 * the end of the watched actor meet in the map's compute (the end sets the actor's state, then
 * takes its watchers out): either the watch is in the map and the end tells it, or the watch sees
 * the actor stopped and is told at once. Never both, never neither.
 * <p>
 * Threading: any thread; a watcher watches and unwatches in its own turn.
 */
final class Watches {

	private final ConcurrentHashMap<ActorCell, Set<ActorCell>> watchers = new ConcurrentHashMap<>();

	/**
	 * Whether any actor of this core ever watched: until one does, an end skips the map (whose
	 * lookup would give every stopping actor an identity hash). A watch writes this, then reads
	 * the target's state; an end writes the state, then reads this: one sees the other.
	 */
	private volatile boolean used;

	/** The watcher's turn: {@code target} tells it {@link Terminated} once it has stopped. */
	void watch(ActorCell watcher, ActorProxy<?> target) {
		ActorCell cell = cellOf(target);
		if (cell.kernel != watcher.kernel) {
			throw new ActorException("Actor '" + watcher.name() + "' cannot watch '" + cell.name() + "': it runs on "
					+ "another core.");
		}
		if (cell == watcher) {
			throw new ActorException("Actor '" + watcher.name() + "' cannot watch itself: it would be told of its "
					+ "end after its end.");
		}
		this.used = true;
		boolean[] ended = { false };
		this.watchers.compute(cell, (key, set) -> {
			if (cell.state() >= CellLifecycle.STOPPED) {
				ended[0] = true;
				return set;
			}
			Set<ActorCell> watching = (set != null) ? set : ConcurrentHashMap.newKeySet();
			watching.add(watcher);
			return watching;
		});
		if (ended[0]) {
			tell(watcher, cell);
		}
		else {
			watcher.turnState().watchingAdd(cell);
		}
	}

	/** The watcher's turn: no {@link Terminated} from {@code target} any more (one on its way stays). */
	void unwatch(ActorCell watcher, ActorProxy<?> target) {
		ActorCell cell = cellOf(target);
		forget(watcher, cell);
		watcher.turnState().watchingRemove(cell);
	}

	/** The end of an actor, after its state turned STOPPED or FAILED: each watcher is told once. */
	void ended(ActorCell cell) {
		if (!this.used) {
			return;
		}
		// no isEmpty() shortcut: a watch whose compute is under way is not counted yet, and
		// remove() waits for it on the bin
		Set<ActorCell> watching = this.watchers.remove(cell);
		if (watching != null) {
			for (ActorCell watcher : watching) {
				tell(watcher, cell);
			}
		}
	}

	/** A watcher ended: it watches nothing any more. */
	void watcherEnded(ActorCell watcher, Set<ActorCell> watched) {
		for (ActorCell cell : watched) {
			forget(watcher, cell);
		}
	}

	private void forget(ActorCell watcher, ActorCell cell) {
		this.watchers.computeIfPresent(cell, (key, set) -> {
			set.remove(watcher);
			return set.isEmpty() ? null : set;
		});
	}

	private static void tell(ActorCell watcher, ActorCell ended) {
		if (watcher.state() < CellLifecycle.STOPPING) {
			watcher.kernel.delivery.deliverFromRuntime(watcher, new Terminated(ended.name(), ended.state() == CellLifecycle.FAILED));
		}
	}

	private static ActorCell cellOf(ActorProxy<?> target) {
		Objects.requireNonNull(target, "target must not be null");
		if (target instanceof EntityProxy) {
			throw new ActorException("Entity '" + target.name() + "' cannot be watched: an entity never ends, it "
					+ "passivates and comes back with its next message.");
		}
		ActorCell cell = (target instanceof LazyProxy lazy) ? lazy.bound() : (target instanceof ActorCell found) ? found
				: null;
		if (cell == null) {
			throw new ActorException("No actor is behind " + target + " yet: watch an actor once it exists.");
		}
		return cell;
	}

}
