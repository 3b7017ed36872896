package io.libactors.cluster.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.query.Predicate;
import io.libactors.Actor;
import io.libactors.Core;
import io.libactors.EntityRouter;
import io.libactors.Envelope;
import io.libactors.EnvelopeCodec;
import io.libactors.Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's side of the entities that live on it: mail that the partition threads accept
 * goes through a few lanes (one per key, so in order) into the core, where user code runs; when
 * partitions move away, the entities they hold finish what they took and passivate; when this
 * member leaves, it stops taking mail first, so mail parks in the entities' records and moves
 * with them.
 * <p>
 * Threading: {@link #deliverable} and {@link #deliver} on partition threads; the rest on its own
 * housekeeping thread or the closing thread.
 */
final class EntityHost implements MigrationListener, MembershipListener {

	private static final Logger logger = LoggerFactory.getLogger(EntityHost.class);

	/** Where entry processors find the host of the member they run on. */
	static final String KEY = "io.libactors.cluster.host";

	private final HazelcastInstance hazelcast;

	private final String local;

	private final IMap<String, EntityRecord> records;

	private final Function<String, @Nullable Class<? extends Actor>> templates;

	private final Core core;

	private final EnvelopeCodec codec;

	private final HazelcastEntityRouter router;

	private final ExecutorService[] lanes;

	private final ExecutorService housekeeping;

	private final AtomicBoolean reviewOwed = new AtomicBoolean();

	/**
	 * Partition threads deliver under the read lock; a hand-over takes the write lock to stop
	 * them, so that once it has it, no delivery that missed the change is still under way.
	 */
	private final ReentrantReadWriteLock handOver = new ReentrantReadWriteLock();

	/** Whether this member has begun to leave: it delivers nothing more. Changed under the write lock. */
	private boolean leaving;

	/**
	 * Entities this member is handing over because another owns their partition now (its view
	 * of the partition table can run ahead of the moves, so mail may still come here meanwhile:
	 * it parks). Changed under the write lock.
	 */
	private final Set<String> handingOver = new HashSet<>();

	/** Between the events that start and finish a round of migrations. */
	private volatile boolean migrating;

	/** Per entity, the messages in this member's lanes that have not reached its core yet. */
	private final ConcurrentHashMap<String, Integer> inLanes = new ConcurrentHashMap<>();

	/** Per entity active here, the number its record gave the activation (see {@link EntityRecord#activation}). */
	private final ConcurrentHashMap<String, Long> activations = new ConcurrentHashMap<>();

	/** Messages handed to this member's lanes. */
	private final LongAdder received = new LongAdder();

	/** Entities passivated here because their partition moved, or this member left. */
	private final LongAdder handedOver = new LongAdder();

	private volatile EntityRouter.@Nullable Inbox inbox;

	EntityHost(HazelcastInstance hazelcast, IMap<String, EntityRecord> records,
			Function<String, @Nullable Class<? extends Actor>> templates, Core core, HazelcastEntityRouter router) {
		this.hazelcast = hazelcast;
		this.local = hazelcast.getCluster().getLocalMember().getUuid().toString();
		this.records = records;
		this.templates = templates;
		this.core = core;
		this.codec = core.envelopeCodec();
		this.router = router;
		int count = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.lanes = new ExecutorService[count];
		for (int i = 0; i < count; i++) {
			this.lanes[i] = Executors.newSingleThreadExecutor(Threads.named("actors-cluster-in-" + i));
		}
		this.housekeeping = Executors.newSingleThreadExecutor(Threads.named("actors-cluster-housekeeping"));
	}

	static @Nullable EntityHost of(HazelcastInstance hazelcast) {
		return (EntityHost) hazelcast.getUserContext().get(KEY);
	}

	void attach(EntityRouter.Inbox inbox) {
		this.inbox = inbox;
	}

	/** Joins the member: entry processors find this host, and moves reach it. */
	void start() {
		this.hazelcast.getUserContext().put(KEY, this);
		this.hazelcast.getPartitionService().addMigrationListener(this);
		this.hazelcast.getCluster().addMembershipListener(this);
		// mail that parked here while the application started
		review();
	}

	HazelcastEntityRouter router() {
		return this.router;
	}

	boolean isLocal(@Nullable String member) {
		return this.local.equals(member);
	}

	// ---- on partition threads

	/** Whether mail may go to the entity here: it is active here, nowhere, or on a member that is gone. */
	boolean deliverable(EntityRecord record) {
		String active = record.activeOn;
		return active == null || isLocal(active) || !isMember(active);
	}

	/**
	 * Hands what is parked, then {@code mails}, to the entity's lane, and marks the entity active
	 * here, as a new activation unless it has one here already; nothing once this member has
	 * begun to leave.
	 * @return whether it was handed over
	 */
	boolean deliver(String key, EntityRecord record, List<EntityRecord.Mail> mails) {
		ReentrantReadWriteLock.ReadLock delivering = this.handOver.readLock();
		delivering.lock();
		try {
			if (this.leaving || this.handingOver.contains(key)) {
				return false;
			}
			int count = record.parked.size() + mails.size();
			this.received.add(count);
			// counted before looking for the activation: one that ends meanwhile sees this mail
			// coming (see ending), and leaves the release to the activation that takes it
			boolean held = countInLanes(key, count) || this.core.find(key).isPresent();
			if (!isLocal(record.activeOn) || !held) {
				record.activeOn = this.local;
				record.activation++;
			}
			this.activations.put(key, record.activation);
			ExecutorService lane = laneOf(key);
			for (EntityRecord.Mail parked : record.parked) {
				lane.execute(() -> receive(key, parked));
			}
			record.parked.clear();
			for (EntityRecord.Mail mail : mails) {
				lane.execute(() -> receive(key, mail));
			}
			return true;
		}
		finally {
			delivering.unlock();
		}
	}

	/** @return whether the entity had mail in the lanes already */
	private boolean countInLanes(String key, int count) {
		boolean[] before = new boolean[1];
		this.inLanes.compute(key, (entity, waiting) -> {
			before[0] = waiting != null;
			int total = ((waiting != null) ? waiting : 0) + count;
			return (total > 0) ? total : null;
		});
		return before[0];
	}

	/**
	 * An activation of the entity here has ended: the number of the activation to release, or
	 * {@code null} when the entity is still held here (active again, or with mail on its way into
	 * the core), so that the newer activation releases it when it ends.
	 */
	@Nullable Long ending(String key) {
		// read before looking at the lanes: mail delivered after this starts a newer activation
		Long activation = this.activations.get(key);
		if (activation == null || holds(key)) {
			return null;
		}
		this.activations.remove(key, activation);
		return activation;
	}

	private boolean holds(String key) {
		return this.inLanes.containsKey(key) || this.core.find(key).isPresent();
	}

	boolean isMember(String member) {
		for (Member each : this.hazelcast.getCluster().getMembers()) {
			if (each.getUuid().toString().equals(member)) {
				return true;
			}
		}
		return false;
	}

	private ExecutorService laneOf(String key) {
		return this.lanes[(key.hashCode() & Integer.MAX_VALUE) % this.lanes.length];
	}

	// ---- on the lanes: into the core

	private void receive(String key, EntityRecord.Mail mail) {
		try {
			enter(key, mail);
		}
		finally {
			// after the core has it: an activation it made is in the registry by now
			Integer left = this.inLanes.computeIfPresent(key, (entity, count) -> (count == 1) ? null : count - 1);
			// once per run of the entity's mail: taken before its partition moved, the run may
			// have activated the entity again here
			if (left == null && !ownedHere(key)) {
				review();
			}
		}
	}

	private void enter(String key, EntityRecord.Mail mail) {
		EntityRouter.Inbox inbox = this.inbox;
		int slash = key.indexOf('/');
		Class<? extends Actor> type = (slash > 0) ? this.templates.apply(key.substring(0, slash)) : null;
		if (inbox == null || type == null) {
			logger.error("Mail for entity '{}' dropped: no entity template '{}' here. Every instance of a cluster "
					+ "must run the same application.", key, (slash > 0) ? key.substring(0, slash) : key);
			this.router.reply(mail, null, new IllegalStateException("No entity template for '" + key + "'"));
			return;
		}
		String id = key.substring(slash + 1);
		try {
			// the proxy makes the template known to the core, and so its message types to the codec
			this.core.entity(type, id);
			Envelope envelope = this.codec.read(mail.envelope);
			Message message = envelope.message();
			if (mail.replyTo == null) {
				inbox.tell(type, id, message);
			}
			else {
				inbox.ask(type, id, message, Object.class, Duration.ofMillis(Math.max(1, mail.timeoutMillis)))
					.whenComplete((value, failure) -> this.router.reply(mail, value, failure));
			}
		}
		catch (RuntimeException ex) {
			logger.error("Mail for entity '{}' could not be delivered: {}", key, ex.toString());
			this.router.reply(mail, null, ex);
		}
	}

	// ---- partitions moving

	@Override
	public void migrationStarted(MigrationState state) {
		this.migrating = true;
	}

	@Override
	public void migrationFinished(MigrationState state) {
		this.migrating = false;
		review();
	}

	@Override
	public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
		if (event.getReplicaIndex() == 0) {
			review();
		}
	}

	@Override
	public void replicaMigrationFailed(ReplicaMigrationEvent event) {
		if (event.getReplicaIndex() == 0) {
			review(); // a partition this member was handing over may have stayed here
		}
	}

	@Override
	public void memberAdded(MembershipEvent event) {
	}

	@Override
	public void memberRemoved(MembershipEvent event) {
		review();
	}

	/** Looks again at what this member owns, once, on the housekeeping thread. */
	private void review() {
		if (this.reviewOwed.compareAndSet(false, true)) {
			try {
				this.housekeeping.execute(() -> {
					this.reviewOwed.set(false);
					passivateMoved();
					flushParked();
				});
			}
			catch (RuntimeException ex) {
				this.reviewOwed.set(false); // closed: the member is leaving
			}
		}
	}

	/**
	 * Entities whose partition another member owns now stop taking mail here (it parks in their
	 * records), finish the mail they took (it is in the lanes or their mailboxes) and passivate;
	 * their next activation is on the owner. Entities whose partition came back take mail again.
	 */
	private void passivateMoved() {
		EntityRouter.Inbox inbox = this.inbox;
		if (inbox == null) {
			return;
		}
		List<String> moved = new ArrayList<>();
		for (String name : inbox.activeEntities()) {
			if (!ownedHere(name)) {
				moved.add(name);
			}
		}
		ReentrantReadWriteLock.WriteLock changing = this.handOver.writeLock();
		changing.lock();
		try {
			// Only reads of the local partition table under the lock: partition threads wait on it.
			if (this.migrating) {
				this.handingOver.removeIf(this::ownedHere);
			}
			else {
				// no partition is moving: mail for what moved away goes to its owner, not here
				this.handingOver.clear();
			}
			this.handingOver.addAll(moved);
		}
		finally {
			changing.unlock();
		}
		if (moved.isEmpty()) {
			return;
		}
		drainLanes();
		List<CompletableFuture<Void>> ending = new ArrayList<>();
		for (String name : moved) {
			ending.add(passivate(inbox, name));
		}
		await(ending, Duration.ofSeconds(30));
	}

	private boolean ownedHere(String key) {
		Member owner = this.hazelcast.getPartitionService().getPartition(key).getOwner();
		return owner != null && owner.localMember();
	}

	/** Mail parked in records this member owns goes to their entities once they can take it. */
	private void flushParked() {
		try {
			for (String key : this.records.localKeySet(new HasParked())) {
				this.records.submitToKey(key, new RecordProcessor.Flush());
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Parked mail not flushed now: {}", ex.toString());
		}
	}

	/**
	 * This member leaves: it takes no more mail (what comes parks in the records, which move
	 * with their partitions), its entities finish what they took and passivate.
	 */
	void leave(Duration timeout) {
		stopDelivering();
		drainLanes();
		EntityRouter.Inbox inbox = this.inbox;
		if (inbox != null) {
			List<CompletableFuture<Void>> ending = new ArrayList<>();
			for (String name : inbox.activeEntities()) {
				ending.add(passivate(inbox, name));
			}
			await(ending, timeout);
		}
	}

	/**
	 * Stops the lanes. The host stays the member's until the member shuts down: mail that comes
	 * meanwhile parks in the records and moves with them.
	 */
	void close() {
		stopDelivering();
		this.housekeeping.shutdownNow();
		for (ExecutorService lane : this.lanes) {
			lane.shutdown();
		}
	}

	/** From now on mail parks; once this returns, no delivery is under way. */
	private void stopDelivering() {
		ReentrantReadWriteLock.WriteLock changing = this.handOver.writeLock();
		changing.lock();
		this.leaving = true;
		changing.unlock();
	}

	boolean isMigrating() {
		return this.migrating;
	}

	long received() {
		return this.received.sum();
	}

	long handedOver() {
		return this.handedOver.sum();
	}

	/** The names of the entities active here now. */
	List<String> activeEntities() {
		EntityRouter.Inbox inbox = this.inbox;
		return (inbox != null) ? inbox.activeEntities() : List.of();
	}

	private CompletableFuture<Void> passivate(EntityRouter.Inbox inbox, String name) {
		this.handedOver.increment();
		int slash = name.indexOf('/');
		Class<? extends Actor> type = this.templates.apply(name.substring(0, slash));
		return (type != null) ? inbox.passivate(type, name.substring(slash + 1))
				: CompletableFuture.completedFuture(null);
	}

	/** Waits until every lane has handed over what it held. */
	private void drainLanes() {
		CountDownLatch drained = new CountDownLatch(this.lanes.length);
		for (ExecutorService lane : this.lanes) {
			lane.execute(drained::countDown);
		}
		try {
			if (!drained.await(30, TimeUnit.SECONDS)) {
				logger.warn("Cluster lanes did not drain within 30s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(List<CompletableFuture<Void>> ending, Duration timeout) {
		try {
			CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.warn("Entities did not all passivate within {}: {}", timeout, ex.toString());
		}
	}

	/** Records with parked mail; runs where the records are. */
	static final class HasParked implements Predicate<String, EntityRecord> {

		@Override
		public boolean apply(Map.Entry<String, EntityRecord> entry) {
			EntityRecord record = entry.getValue();
			return record != null && !record.parked.isEmpty();
		}

	}

}
