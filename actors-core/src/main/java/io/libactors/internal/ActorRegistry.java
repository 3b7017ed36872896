package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.libactors.ActorException;
import io.libactors.ActorInfo;
import io.libactors.ActorNameException;
import org.jspecify.annotations.Nullable;

/**
 * The names of one core: each maps to its live {@link ActorCell}, or to a {@link PendingActor}
 * that proxies made before the actor exists. Names, children's included, are global; with a
 * limit ({@code maxActors}) both kinds count. Also answers the monitoring queries, which walk
 * it. Thread-safe; every change of a pending's entry is made under that pending's monitor.
 */
final class ActorRegistry {

	private final ConcurrentHashMap<String, Object> entries = new ConcurrentHashMap<>();

	/** Most names at once; 0 for no limit. */
	private final int maxActors;

	/** Names taken, counted only under a limit (no cost without one). */
	private final AtomicInteger taken = new AtomicInteger();

	ActorRegistry(int maxActors) {
		this.maxActors = maxActors;
	}

	/** Every entry now: cells and pendings. */
	Collection<Object> entries() {
		return this.entries.values();
	}

	@Nullable ActorCell find(String name) {
		Object found = this.entries.get(name);
		return (found instanceof ActorCell cell) ? cell : null;
	}

	/** The actor named, or the pending of that name, made now if there is neither. */
	Object cellOrPending(String name) {
		validateName(name);
		Object found = this.entries.get(name);
		if (found == null) {
			PendingActor created = new PendingActor(name);
			found = putIfFree(name, created);
			if (found == null) {
				found = created;
			}
		}
		return found;
	}

	/**
	 * Gives {@code name} to a new actor: takes a free name, or the name of proxies waiting for
	 * it (their buffered mail is queued first; see {@link PendingActor#handOver}).
	 * @return the pending it replaced, or {@code null}
	 * @throws ActorNameException when an actor has the name
	 * @throws ActorException when the name is free but the limit is reached
	 */
	@Nullable PendingActor claim(String name, ActorCell cell) {
		for (;;) {
			Object existing = putIfFree(name, cell);
			if (existing == null) {
				return null;
			}
			if (existing instanceof PendingActor pending) {
				// The buffered mail is queued before anyone can find the actor by its name, so a
				// sender that saw it go through the proxy and then finds the actor keeps its order.
				if (pending.handOver(cell, () -> this.entries.get(name) == pending,
						() -> this.entries.replace(name, pending, cell))) {
					return pending;
				}
			}
			else {
				throw new ActorNameException("An actor named '" + name + "' already exists ("
						+ ((ActorCell) existing).actorClass().getName() + "). Choose another name, or stop the "
						+ "existing actor first.");
			}
		}
	}

	/**
	 * Registers {@code value} under {@code name} if the name is free, taking one of the limited
	 * names if there is a limit.
	 * @return what already holds the name, or {@code null} when {@code value} now does
	 * @throws ActorException when the name is free but the limit is reached
	 */
	private @Nullable Object putIfFree(String name, Object value) {
		if (this.maxActors > 0 && this.taken.incrementAndGet() > this.maxActors) {
			this.taken.decrementAndGet();
			Object existing = this.entries.get(name);
			if (existing == null) {
				throw nameLimit(name);
			}
			return existing;
		}
		Object existing = this.entries.putIfAbsent(name, value);
		if (existing != null) {
			releaseName();
		}
		return existing;
	}

	private void releaseName() {
		if (this.maxActors > 0) {
			this.taken.decrementAndGet();
		}
	}

	private ActorException nameLimit(String name) {
		return new ActorException("Actor '" + name + "' not created: this core already holds its limit of "
				+ this.maxActors + " actors and proxies (maxActors, actors.max-actors). Stop actors that are done, "
				+ "or raise the limit.");
	}

	/**
	 * Registers an entity's new activation: under a free name (taking one of the limited names),
	 * or in place of its ending predecessor (the name stays taken).
	 * @return {@code false} when another activation got there first
	 * @throws ActorException when the name is free but the limit is reached
	 */
	boolean activate(String name, @Nullable ActorCell predecessor, ActorCell cell) {
		return (predecessor != null) ? this.entries.replace(name, predecessor, cell) : putIfFree(name, cell) == null;
	}

	/** A stopped actor frees its name (unless another actor has it by now). */
	void remove(ActorCell cell) {
		if (this.entries.remove(cell.name(), cell)) {
			releaseName();
		}
	}

	/**
	 * Dead-letters what waited in {@code pending} since before {@code cutoff}, and frees
	 * its name once nothing waits there.
	 * @return when the oldest message still waiting was buffered, or {@link PendingActor#NONE_WAITING}
	 */
	long expire(PendingActor pending, long cutoff, DeadLetterOffice deadLetters) {
		return pending.expire(cutoff, deadLetters, () -> {
			if (this.entries.remove(pending.name, pending)) {
				releaseName();
			}
		});
	}

	/** Shutdown: what pendings still buffer becomes dead letters, and their names are freed. */
	void closePending(DeadLetterOffice deadLetters) {
		for (Object value : this.entries.values()) {
			if (value instanceof PendingActor pending) {
				pending.close(deadLetters, () -> {
					if (this.entries.remove(pending.name, pending)) {
						releaseName();
					}
				});
			}
		}
	}

	/** The live actors now. */
	List<ActorCell> cells() {
		List<ActorCell> cells = new ArrayList<>();
		for (Object value : this.entries.values()) {
			if (value instanceof ActorCell cell) {
				cells.add(cell);
			}
		}
		return cells;
	}

	// ---- monitoring

	/** Snapshots of every live actor. */
	Collection<ActorInfo> actors() {
		List<ActorInfo> infos = new ArrayList<>();
		for (Object value : this.entries.values()) {
			if (value instanceof ActorCell cell) {
				infos.add(cell.info());
			}
		}
		return infos;
	}

	/** How many actors are alive. */
	int actorCount() {
		int count = 0;
		for (Object value : this.entries.values()) {
			if (value instanceof ActorCell) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Snapshots of the live actors with the most mail waiting, deepest mailbox first, then by
	 * name; cheap with many actors (only these are snapshotted).
	 * @param limit how many at most
	 */
	List<ActorInfo> busiest(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative, but was " + limit + ".");
		}
		record Depth(int depth, ActorCell cell) {
		}
		Comparator<Depth> busiestFirst = Comparator.comparingInt(Depth::depth).reversed()
			.thenComparing((depth) -> depth.cell().name());
		PriorityQueue<Depth> kept = new PriorityQueue<>(Math.max(1, limit), busiestFirst.reversed());
		for (Object value : this.entries.values()) {
			if (limit > 0 && value instanceof ActorCell cell) {
				kept.add(new Depth(cell.mailboxSize(), cell));
				if (kept.size() > limit) {
					kept.poll();
				}
			}
		}
		List<Depth> sorted = new ArrayList<>(kept);
		sorted.sort(busiestFirst);
		List<ActorInfo> infos = new ArrayList<>(sorted.size());
		for (Depth depth : sorted) {
			infos.add(depth.cell().info());
		}
		return infos;
	}

	/**
	 * The live actors whose current handler (or the {@code CompletionStage} it returned) has run
	 * for at least {@code threshold}, with how long it has run so far.
	 */
	Map<String, Duration> longRunning(Duration threshold) {
		long limit = threshold.toNanos();
		long now = System.nanoTime();
		Map<String, Duration> found = new LinkedHashMap<>();
		for (Object value : this.entries.values()) {
			if (value instanceof ActorCell cell) {
				long busy = cell.busyNanos(now);
				if (busy > 0 && busy >= limit) {
					found.put(cell.name(), Duration.ofNanos(busy));
				}
			}
		}
		return found;
	}

	/** A snapshot of one live actor. */
	Optional<ActorInfo> actor(String name) {
		Object found = this.entries.get(name);
		return (found instanceof ActorCell cell) ? Optional.of(cell.info()) : Optional.empty();
	}

	static void validateName(String name) {
		Objects.requireNonNull(name, "name must not be null");
		validate("Actor name", name);
	}

	/** Names and entity ids: 1 to 128 characters, no {@code /}, no control characters. */
	static void validate(String what, String value) {
		Objects.requireNonNull(value, () -> what + " must not be null");
		if (value.isEmpty() || value.length() > 128) {
			throw new ActorNameException(what + " '" + shown(value) + "' must have 1 to 128 characters, not "
					+ value.length() + ".");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '/' || Character.isISOControl(c)) {
				throw new ActorNameException(what + " '" + shown(value) + "' must contain no '/' and no control "
						+ "characters.");
			}
		}
	}

	/** A refused value as an error shows it: control characters replaced, cut after 128 characters. */
	private static String shown(String value) {
		String cut = (value.length() > 128) ? value.substring(0, 128) + "..." : value;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

}
