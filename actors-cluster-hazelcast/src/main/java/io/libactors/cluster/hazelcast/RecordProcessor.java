package io.libactors.cluster.hazelcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change to an {@link EntityRecord}, run by Hazelcast on the thread of the entry's partition
 * on the member that owns it, so changes to one entity never interleave and never run while its
 * partition moves. It runs no user code: what it delivers goes to the {@link EntityHost}'s lanes.
 * Its backup copies the resulting record (it must not deliver twice).
 * <p>
 * Hazelcast may run a processor again when the member that ran it left before answering, so
 * each is harmless the second time: {@link Deliver} by its batch number, the others by what
 * they check.
 */
abstract class RecordProcessor implements EntryProcessor<String, EntityRecord, Boolean>, DataSerializable,
		HazelcastInstanceAware {

	private static final Logger logger = LoggerFactory.getLogger(RecordProcessor.class);

	/**
	 * How long the record of an entity with neither activation, mail nor state is kept, for the
	 * batch numbers it holds: longer than Hazelcast goes on retrying an operation (about two
	 * minutes by default).
	 */
	static final long FORGET_AFTER_SECONDS = 300;

	private transient @Nullable EntityHost host;

	private transient @Nullable Replace backup;

	@Override
	public void setHazelcastInstance(HazelcastInstance hazelcast) {
		this.host = EntityHost.of(hazelcast);
	}

	@Override
	public final Boolean process(Map.Entry<String, EntityRecord> entry) {
		// No host yet: the member has joined, and owns partitions, before its application has
		// started the router. Mail parks; the host delivers it once it starts.
		EntityHost host = this.host;
		EntityRecord record = entry.getValue();
		EntityRecord written = apply(host, entry.getKey(), (record != null) ? record : new EntityRecord());
		if (written != null) {
			this.backup = new Replace(written);
			this.backup.process(entry);
		}
		return Boolean.TRUE;
	}

	/**
	 * The change, on the partition's thread.
	 * @param host this member's, or {@code null} while its application starts (nothing is delivered then)
	 * @param record the entity's record (a new, empty one if it had none), free to change
	 * @return the record to write, or {@code null} when nothing changed
	 */
	abstract @Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record);

	@Override
	public @Nullable EntryProcessor<String, EntityRecord, Boolean> getBackupProcessor() {
		return this.backup;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
	}

	/**
	 * Delivers messages from one member, in the order sent: to the entity here, or parked while
	 * it is active on a member that is handing it over.
	 */
	static final class Deliver extends RecordProcessor {

		/** The sending member, and the number of this batch among those it sent. */
		private String member = "";

		private long batch;

		private List<EntityRecord.Mail> mails = new ArrayList<>();

		/** For Hazelcast. */
		public Deliver() {
		}

		Deliver(String member, long batch, List<EntityRecord.Mail> mails) {
			this.member = member;
			this.batch = batch;
			this.mails = mails;
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (!record.firstTake(this.member, this.batch, (host != null) ? host::isMember : (member) -> true)) {
				return null; // this batch again: its first run has taken it
			}
			boolean parked = !record.parked.isEmpty();
			long activation = record.activation;
			if (host == null || !host.deliverable(record) || !host.deliver(key, record, this.mails)) {
				record.parked.addAll(this.mails);
				return record;
			}
			// Delivered to an activation already here, a batch leaves the record as it was: nothing
			// written, so no backup to wait for (with a backup, Hazelcast runs the operation again if
			// the member that ran it leaves before the backup answers).
			return (parked || record.activation != activation) ? record : null;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeString(this.member);
			out.writeLong(this.batch);
			out.writeInt(this.mails.size());
			for (EntityRecord.Mail mail : this.mails) {
				mail.writeData(out);
			}
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.member = in.readString();
			this.batch = in.readLong();
			int count = in.readInt();
			this.mails = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				EntityRecord.Mail mail = new EntityRecord.Mail();
				mail.readData(in);
				this.mails.add(mail);
			}
		}

	}

	/**
	 * An activation has ended: unless the member has started the entity anew since, it is active
	 * nowhere, so mail parked meanwhile is delivered here now (a new activation restores the state).
	 */
	static final class Release extends RecordProcessor {

		private String member = "";

		private long activation;

		/** For Hazelcast. */
		public Release() {
		}

		Release(String member, long activation) {
			this.member = member;
			this.activation = activation;
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (!this.member.equals(record.activeOn) || this.activation != record.activation) {
				return null; // active elsewhere by now, nowhere, or anew on the same member
			}
			record.activeOn = null;
			if (host != null && !record.parked.isEmpty() && host.deliverable(record)) {
				host.deliver(key, record, List.of());
			}
			return record;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeString(this.member);
			out.writeLong(this.activation);
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.member = in.readString();
			this.activation = in.readLong();
		}

	}

	/** An ending activation's state, kept unless another member has taken the entity over meanwhile. */
	static final class SaveState extends RecordProcessor {

		private String member = "";

		private String state = "";

		/** For Hazelcast. */
		public SaveState() {
		}

		SaveState(String member, String state) {
			this.member = member;
			this.state = state;
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (record.activeOn != null && !record.activeOn.equals(this.member)) {
				// what that activation did is lost: say so
				logger.warn("The state of entity '{}' that member {} saved is not kept: the entity is active on {} "
						+ "now.", key, this.member, record.activeOn);
				return null;
			}
			record.state = this.state;
			return record;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeString(this.member);
			out.writeString(this.state);
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.member = in.readString();
			this.state = in.readString();
		}

	}

	/** Delivers mail parked while the entity moved, once this member can take it. */
	static final class Flush extends RecordProcessor {

		/** For Hazelcast. */
		public Flush() {
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (host == null || record.parked.isEmpty() || !host.deliverable(record)
					|| !host.deliver(key, record, List.of())) {
				return null;
			}
			return record;
		}

	}

	/**
	 * Writes a changed record, on the owner and as the backup of the change: an empty record is
	 * removed, or kept for {@value #FORGET_AFTER_SECONDS}s if it holds batch numbers.
	 */
	static final class Replace implements EntryProcessor<String, EntityRecord, Boolean>, DataSerializable {

		private @Nullable EntityRecord record;

		/** For Hazelcast. */
		public Replace() {
		}

		Replace(EntityRecord record) {
			this.record = (record.isEmpty() && record.batches.isEmpty()) ? null : record;
		}

		@Override
		@SuppressWarnings("unchecked")
		public Boolean process(Map.Entry<String, EntityRecord> entry) {
			EntityRecord record = this.record;
			if (record == null) {
				entry.setValue(null);
			}
			else {
				// a time to live of 0 is for ever
				long ttl = record.isEmpty() ? FORGET_AFTER_SECONDS : 0;
				((ExtendedMapEntry<String, EntityRecord>) entry).setValue(record, ttl, TimeUnit.SECONDS);
			}
			return Boolean.TRUE;
		}

		@Override
		public @Nullable EntryProcessor<String, EntityRecord, Boolean> getBackupProcessor() {
			return null;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeObject(this.record);
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.record = in.readObject();
		}

	}

}
