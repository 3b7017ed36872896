package io.libactors.cluster.hazelcast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.EntityRouter;
import io.libactors.EntityStateStore;
import io.libactors.Envelope;
import io.libactors.EnvelopeCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places each entity on the owner of its key's Hazelcast partition: every message to an entity,
 * from any member, is an entry processor on the entity's record, which runs on that owner and
 * hands the message to its {@link EntityHost}; an ask's reply comes back as a task on the asking
 * member. Messages cross as JSON envelopes ({@link io.libactors.EnvelopeCodec}). Also the store
 * of entities' states (in the same record, so a state moves with its entity) and the monitor
 * that tells the record when an activation ends.
 * <p>
 * Threading: {@link #route} from any thread; it waits only when {@value #WINDOW} messages are
 * still on their way.
 */
final class HazelcastEntityRouter implements EntityRouter, EntityStateStore, io.libactors.ActorMonitor {

	private static final Logger logger = LoggerFactory.getLogger(HazelcastEntityRouter.class);

	/** The map of entity records. */
	static final String RECORDS = "libactors.entities";

	/** The executor of replies. */
	static final String REPLIES = "libactors.replies";

	/** Messages on their way at once, from this member: more wait (unacknowledged sends pile up otherwise). */
	static final int WINDOW = 4_096;

	private final HazelcastInstance hazelcast;

	private final IMap<String, EntityRecord> records;

	private final Function<String, @Nullable Class<? extends Actor>> templates;

	private final String local;

	private final JsonMapper jsonMapper;

	private final ConcurrentHashMap<Long, Mail> asks = new ConcurrentHashMap<>();

	private final AtomicLong correlations = new AtomicLong();

	private final AtomicLong envelopeIds = new AtomicLong();

	/** Numbers the batches this member sends, so that a batch Hazelcast runs again is taken once. */
	private final AtomicLong batches = new AtomicLong();

	private final Semaphore window = new Semaphore(WINDOW);

	/** Messages this member has sent into the cluster. */
	private final LongAdder sent = new LongAdder();

	/** Per entity with mail on its way from here: what waits for the batch in flight. */
	private final ConcurrentHashMap<String, List<Outgoing>> outboxes = new ConcurrentHashMap<>();

	/**
	 * Completes asks, sends replies and the next batch of an entity's mail: never on a Hazelcast
	 * thread, never on an actor's.
	 */
	private final ExecutorService replies = Executors.newSingleThreadExecutor(Threads.named("actors-cluster-replies"));

	/** Runs on {@link #replies}, or at once once it has shut down (the member is stopping). */
	private final Executor callbacks = (task) -> {
		try {
			this.replies.execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	};

	private volatile @Nullable Inbox inbox;

	private volatile @Nullable Core core;

	private volatile @Nullable EnvelopeCodec codec;

	private volatile @Nullable EntityHost host;

	/**
	 * @param templates the entity template type of each template name
	 * @param jsonMapper what writes and reads replies and states (the core's own mapper)
	 */
	HazelcastEntityRouter(HazelcastInstance hazelcast, Function<String, @Nullable Class<? extends Actor>> templates,
			JsonMapper jsonMapper) {
		this.hazelcast = hazelcast;
		this.jsonMapper = jsonMapper;
		this.records = hazelcast.getMap(RECORDS);
		this.templates = templates;
		this.local = hazelcast.getCluster().getLocalMember().getUuid().toString();
	}

	@Override
	public void attach(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * Takes mail for this member's entities from now on; once the core is built. A lite member
	 * (as the starter's own starts) is promoted to hold partitions now.
	 */
	void start(Core core) {
		Inbox inbox = Objects.requireNonNull(this.inbox, "the core was not built with this router");
		EntityHost host = new EntityHost(this.hazelcast, this.records, this.templates, core, this);
		host.attach(inbox);
		this.codec = core.envelopeCodec();
		this.core = core;
		this.host = host;
		host.start();
		if (this.hazelcast.getCluster().getLocalMember().isLiteMember()) {
			// ready to host entities: now partitions may come here
			this.hazelcast.getCluster().promoteLocalLiteMember();
		}
	}

	long sent() {
		return this.sent.sum();
	}

	/** This member's host, once started. */
	@Nullable EntityHost host() {
		return this.host;
	}

	/**
	 * See {@link EntityHost#leave}; then waits until the cluster has taken the mail this member
	 * sent (its entities' last messages among it), as the member must not stop before.
	 */
	void leave(Duration timeout) {
		EntityHost host = this.host;
		if (host != null) {
			host.leave(timeout);
		}
		try {
			if (this.window.tryAcquire(WINDOW, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.window.release(WINDOW);
			}
			else {
				logger.warn("Mail to entities from this member was not all taken by the cluster within {}: {} "
						+ "messages may be lost", timeout, WINDOW - this.window.availablePermits());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void close() {
		EntityHost host = this.host;
		if (host != null) {
			host.close();
		}
		this.replies.shutdown();
	}

	// ---- sending

	@Override
	public boolean route(Mail mail) {
		EnvelopeCodec codec = this.codec;
		if (codec == null) {
			throw new IllegalStateException("The cluster router has not started: entities cannot be reached yet.");
		}
		String key = mail.template() + '/' + mail.id();
		String envelope = codec
			.write(new Envelope(this.local + "-" + this.envelopeIds.incrementAndGet(), mail.sender(), key,
					mail.message(), Instant.now()));
		long correlation = 0;
		CompletableFuture<Object> reply = mail.reply();
		if (reply != null) {
			correlation = this.correlations.incrementAndGet();
			long asked = correlation;
			this.asks.put(asked, mail);
			// the core completes it on its timeout: the ask is then forgotten here
			reply.whenComplete((value, failure) -> this.asks.remove(asked));
		}
		acquireWindow(key);
		this.sent.increment();
		long timeout = (mail.timeout() != null) ? mail.timeout().toMillis() : 0L;
		Outgoing outgoing = new Outgoing(
				new EntityRecord.Mail(envelope, (reply != null) ? this.local : null, correlation, timeout), mail);
		// One batch per entity on its way at a time, so that a retry (its partition moving) never
		// lets a later message pass: mail sent meanwhile waits, and goes as the next batch.
		List<Outgoing> first = new ArrayList<>(1);
		this.outboxes.compute(key, (entity, waiting) -> {
			if (waiting == null) {
				first.add(outgoing);
				return new ArrayList<>();
			}
			waiting.add(outgoing);
			return waiting;
		});
		if (!first.isEmpty()) {
			send(key, first);
		}
		return true;
	}

	/** Every instance finds an entity's template by its name: it must be one this router knows. */
	@Override
	public void checkTemplate(String template, Class<? extends Actor> type) {
		if (this.templates.apply(template) != type) {
			throw new ActorException("Entity type " + type.getName() + " cannot be placed in the cluster: the "
					+ "instances find an entity's template by its name, and '" + template + "' is not a prototype "
					+ "@ActorComponent. Declare " + type.getSimpleName() + " as @ActorComponent @Scope(\"prototype\").");
		}
	}

	/** A message on its way, with what the core gave to route it. */
	private record Outgoing(EntityRecord.Mail wire, Mail mail) {
	}

	private void send(String key, List<Outgoing> batch) {
		List<EntityRecord.Mail> wire = new ArrayList<>(batch.size());
		for (Outgoing outgoing : batch) {
			wire.add(outgoing.wire());
		}
		CompletionStage<Boolean> delivered;
		try {
			delivered = this.records.submitToKey(key,
					new RecordProcessor.Deliver(this.local, this.batches.incrementAndGet(), wire));
		}
		catch (RuntimeException ex) {
			delivered = CompletableFuture.failedFuture(ex);
		}
		// on the router's thread: Hazelcast's default would start a thread per callback on 2 cores
		delivered.whenCompleteAsync((done, failure) -> sent(key, batch, failure), this.callbacks);
	}

	/** A batch is delivered, or has failed: the entity's next batch goes. */
	private void sent(String key, List<Outgoing> batch, @Nullable Throwable failure) {
		this.window.release(batch.size());
		if (failure != null) {
			batch.forEach((outgoing) -> undelivered(key, outgoing, failure));
		}
		List<List<Outgoing>> next = new ArrayList<>(1);
		this.outboxes.compute(key, (entity, waiting) -> {
			if (waiting == null || waiting.isEmpty()) {
				return null;
			}
			next.add(waiting);
			return new ArrayList<>();
		});
		if (!next.isEmpty()) {
			send(key, next.get(0));
		}
	}

	private void acquireWindow(String key) {
		try {
			if (!this.window.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new ActorException("Message to entity '" + key + "' not sent: " + WINDOW + " messages have "
						+ "waited 30s for the cluster to take them. Is the cluster up?");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ActorException("Interrupted while sending to entity '" + key + "'.", ex);
		}
	}

	private void undelivered(String key, Outgoing outgoing, Throwable failure) {
		Mail mail = outgoing.mail();
		long correlation = outgoing.wire().correlation;
		ActorException error = new ActorException("Message " + mail.message().getClass().getSimpleName()
				+ " to entity '" + key + "' did not reach the cluster: " + failure, failure);
		CompletableFuture<Object> reply = (correlation != 0) ? mail.reply() : null;
		if (reply != null) {
			this.asks.remove(correlation);
			reply.completeExceptionally(error);
		}
		else {
			logger.error(error.getMessage());
		}
	}

	/** A reply came from the member that hosts the entity; on a Hazelcast thread. */
	void replied(long correlation, @Nullable String value, @Nullable String failure) {
		Mail mail = this.asks.remove(correlation);
		CompletableFuture<Object> reply = (mail != null) ? mail.reply() : null;
		if (reply == null) {
			return; // timed out meanwhile
		}
		this.replies.execute(() -> {
			if (failure != null) {
				reply.completeExceptionally(new ActorException("Entity '" + mail.template() + "/" + mail.id()
						+ "' failed handling " + mail.message().getClass().getSimpleName() + ": " + failure));
				return;
			}
			try {
				Class<?> type = Objects.requireNonNull(mail.replyType());
				reply.complete((value == null || type == Void.class) ? null : jsonMapper().readValue(value, type));
			}
			catch (RuntimeException ex) {
				reply.completeExceptionally(new ActorException("The reply of entity '" + mail.template() + "/"
						+ mail.id() + "' cannot be read as " + mail.replyType() + ": " + ex.getMessage(), ex));
			}
		});
	}

	// ---- on the member that hosts the entity

	/** Sends an ask's outcome back to the member that asked; nothing for a tell. */
	void reply(EntityRecord.Mail mail, @Nullable Object value, @Nullable Throwable failure) {
		String asker = mail.replyTo;
		if (asker == null) {
			return;
		}
		this.replies.execute(() -> {
			Member member = memberOf(asker);
			if (member == null) {
				return; // the asker has left; its ask has failed there
			}
			String json = null;
			String error = null;
			if (failure != null) {
				error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
			}
			else if (value != null) {
				try {
					json = jsonMapper().writeValueAsString(value);
				}
				catch (RuntimeException ex) {
					error = "its reply " + value.getClass().getName() + " cannot be written as JSON: " + ex.getMessage();
				}
			}
			this.hazelcast.getExecutorService(REPLIES).executeOnMember(new Reply(mail.correlation, json, error), member);
		});
	}

	private @Nullable Member memberOf(String uuid) {
		for (Member member : this.hazelcast.getCluster().getMembers()) {
			if (member.getUuid().toString().equals(uuid)) {
				return member;
			}
		}
		return null;
	}

	private JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	// ---- states, in the entity's turn

	@Override
	public @Nullable Object load(String template, String id, Class<?> stateType) {
		EntityRecord record = this.records.get(template + '/' + id);
		return (record != null && record.state != null) ? jsonMapper().readValue(record.state, stateType) : null;
	}

	@Override
	public void save(String template, String id, Object state) {
		this.records.executeOnKey(template + '/' + id,
				new RecordProcessor.SaveState(this.local, jsonMapper().writeValueAsString(state)));
	}

	/**
	 * An activation has ended: its record says it is active nowhere, and mail parked for it moves
	 * on; unless mail came as it ended, for a newer activation here, which releases it in turn.
	 */
	@Override
	public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
		String name = actor.name();
		EntityHost host = this.host;
		Long activation = (template != null && name.startsWith(template + '/') && host != null) ? host.ending(name)
				: null;
		if (activation != null) {
			this.records.executeOnKey(name, new RecordProcessor.Release(this.local, activation));
		}
	}

}
