package io.libactors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Message;
import io.libactors.Pool;
import io.libactors.Routing;

/**
 * A {@link Pool}: the members in an array that senders read without a lock and that changes
 * (resize, a stopped member replaced) under the pool's monitor, copied on each change.
 */
final class ActorPool<A extends Actor> implements Pool<A> {

	private final ActorCreation creation;

	private final Class<A> type;

	private final String name;

	private final Routing routing;

	private volatile ActorProxy<A>[] members;

	private final AtomicLong turns = new AtomicLong();

	/** The number of the last member made. Guarded by this. */
	private int made;

	/** Guarded by this. */
	private boolean stopped;

	@SuppressWarnings("unchecked")
	ActorPool(ActorCreation creation, Class<A> type, String name, int size, Routing routing) {
		this.creation = creation;
		this.type = type;
		this.name = name;
		this.routing = routing;
		this.members = (ActorProxy<A>[]) new ActorProxy<?>[0];
		resize(size);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<ActorProxy<A>> members() {
		return List.of(this.members);
	}

	@Override
	public synchronized void resize(int size) {
		if (size < 1) {
			throw new IllegalArgumentException("Pool '" + this.name + "' needs at least 1 member, but was resized to "
					+ size + ".");
		}
		if (this.stopped) {
			throw new ActorException("Pool '" + this.name + "' has stopped.");
		}
		ActorProxy<A>[] now = this.members;
		ActorProxy<A>[] next = Arrays.copyOf(now, size);
		try {
			for (int i = now.length; i < size; i++) {
				next[i] = make();
			}
		}
		catch (RuntimeException ex) {
			// all or nothing: the members made for this resize go again
			for (int i = now.length; i < size && next[i] != null; i++) {
				next[i].stop();
			}
			throw ex;
		}
		this.members = next;
		for (int i = size; i < now.length; i++) {
			now[i].stop();
		}
	}

	private ActorProxy<A> make() {
		return this.creation.createActor(this.type, this.name + "-" + (++this.made));
	}

	@Override
	public void tell(Message message) {
		Objects.requireNonNull(message, "message must not be null");
		if (this.routing.kind() == Routing.Kind.BROADCAST) {
			for (ActorProxy<A> member : this.members) {
				member.tell(message);
			}
			return;
		}
		pick(message).tell(message);
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType) {
		return pickForAsk(message).ask(message, replyType);
	}

	@Override
	public <R> CompletableFuture<R> ask(Message message, Class<R> replyType, Duration timeout) {
		return pickForAsk(message).ask(message, replyType, timeout);
	}

	private ActorProxy<A> pickForAsk(Message message) {
		Objects.requireNonNull(message, "message must not be null");
		if (this.routing.kind() == Routing.Kind.BROADCAST) {
			throw new ActorException("Pool '" + this.name + "' broadcasts, so no one member answers an ask of "
					+ message.getClass().getSimpleName() + ": ask one of members(), or tell.");
		}
		return pick(message);
	}

	/** The member for {@code message}; a stopped one is replaced first, unless the pool has stopped. */
	private ActorProxy<A> pick(Message message) {
		ActorProxy<A>[] members = this.members;
		int index = switch (this.routing.kind()) {
			case ROUND_ROBIN -> (int) Math.floorMod(this.turns.getAndIncrement(), (long) members.length);
			case RANDOM -> ThreadLocalRandom.current().nextInt(members.length);
			case SMALLEST_MAILBOX -> smallestMailbox(members);
			case CONSISTENT_HASH -> rendezvous(members, keyOf(message));
			case BROADCAST -> throw new IllegalStateException("broadcast picks no member");
		};
		ActorProxy<A> member = members[index];
		return member.isAlive() ? member : replace(member);
	}

	/** The member with the least to do: what waits in its mailbox, and one more while it handles a message. */
	private static int smallestMailbox(ActorProxy<?>[] members) {
		long now = System.nanoTime();
		int best = 0;
		int least = Integer.MAX_VALUE;
		for (int i = 0; i < members.length; i++) {
			ActorCell member = (ActorCell) members[i];
			int load = member.mailboxSize() + ((member.busyNanos(now) > 0) ? 1 : 0);
			if (load == 0) {
				return i;
			}
			if (load < least) {
				least = load;
				best = i;
			}
		}
		return best;
	}

	private Object keyOf(Message message) {
		Object key;
		if (this.routing.key() != null) {
			key = this.routing.key().apply(message);
		}
		else if (message instanceof Routing.Keyed keyed) {
			key = keyed.routingKey();
		}
		else {
			throw new ActorException("Pool '" + this.name + "' routes by consistent hash, and "
					+ message.getClass().getName() + " names no key: implement Routing.Keyed, or give the pool "
					+ "Routing.consistentHash(key).");
		}
		return Objects.requireNonNull(key, "the routing key of " + message.getClass().getName() + " was null");
	}

	/** The member whose name scores highest with the key: only its keys move when it comes or goes. */
	private static int rendezvous(ActorProxy<?>[] members, Object key) {
		int hash = key.hashCode();
		int best = 0;
		long highest = Long.MIN_VALUE;
		for (int i = 0; i < members.length; i++) {
			long score = mix(hash * 31L + members[i].name().hashCode());
			if (score > highest) {
				highest = score;
				best = i;
			}
		}
		return best;
	}

	/** A 64-bit finalizer (SplitMix64), so that near keys score far apart. */
	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private synchronized ActorProxy<A> replace(ActorProxy<A> gone) {
		ActorProxy<A>[] members = this.members;
		int at = Arrays.asList(members).indexOf(gone);
		if (this.stopped || at < 0) {
			return (at < 0) ? members[0] : gone; // replaced meanwhile, or stopping: its mail is a dead letter
		}
		ActorProxy<A>[] next = members.clone();
		next[at] = make();
		this.members = next;
		return next[at];
	}

	@Override
	public CompletableFuture<Void> stop() {
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		synchronized (this) {
			this.stopped = true;
			for (ActorProxy<A> member : this.members) {
				stopping.add(member.stop());
			}
		}
		return CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new));
	}

	@Override
	public boolean isAlive() {
		for (ActorProxy<A> member : this.members) {
			if (member.isAlive()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int mailboxSize() {
		int total = 0;
		for (ActorProxy<A> member : this.members) {
			total += member.mailboxSize();
		}
		return total;
	}

	@Override
	public <S> Flow.Publisher<S> states(Class<S> type) {
		return (subscriber) -> StateRequestNode.refuse(Objects.requireNonNull(subscriber, "subscriber must not be null"),
				new ActorException("Pool '" + this.name + "' has no state of its own: subscribe to the states of one "
						+ "of its members."));
	}

	@Override
	public String toString() {
		return "Pool[" + this.name + ", " + this.routing.kind() + ", " + this.members.length + " members]";
	}

}
