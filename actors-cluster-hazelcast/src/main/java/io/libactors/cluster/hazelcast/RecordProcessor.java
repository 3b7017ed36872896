package io.libactors.cluster.hazelcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import org.jspecify.annotations.Nullable;

/**
 * A change to an {@link EntityRecord}, run by Hazelcast on the thread of the entry's partition
 * on the member that owns it, so changes to one entity never interleave and never run while its
 * partition moves. It runs no user code: what it delivers goes to the {@link EntityHost}'s lanes.
 * Its backup copies the resulting record (it must not deliver twice).
 */
abstract class RecordProcessor implements EntryProcessor<String, EntityRecord, Boolean>, DataSerializable,
		HazelcastInstanceAware {

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
			entry.setValue(written.isEmpty() ? null : written);
			this.backup = new Replace(written.isEmpty() ? null : written);
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

		private List<EntityRecord.Mail> mails = new ArrayList<>();

		/** For Hazelcast. */
		public Deliver() {
		}

		Deliver(List<EntityRecord.Mail> mails) {
			this.mails = mails;
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (host == null) {
				record.parked.addAll(this.mails);
				return record;
			}
			boolean unchanged = host.isLocal(record.activeOn) && record.parked.isEmpty();
			if (host.deliverable(record) && host.deliver(key, record, this.mails)) {
				return unchanged ? null : record;
			}
			record.parked.addAll(this.mails);
			return record;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeInt(this.mails.size());
			for (EntityRecord.Mail mail : this.mails) {
				mail.writeData(out);
			}
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
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
	 * An activation has ended: the entity is active nowhere, so mail parked meanwhile is
	 * delivered here now (a new activation restores the state).
	 */
	static final class Release extends RecordProcessor {

		private String member = "";

		/** For Hazelcast. */
		public Release() {
		}

		Release(String member) {
			this.member = member;
		}

		@Override
		@Nullable EntityRecord apply(@Nullable EntityHost host, String key, EntityRecord record) {
			if (!this.member.equals(record.activeOn)) {
				return null; // active elsewhere by now, or nowhere
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
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.member = in.readString();
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

	/** The backup of any change: the record the owner wrote, or its removal. */
	static final class Replace implements EntryProcessor<String, EntityRecord, Boolean>, DataSerializable {

		private @Nullable EntityRecord record;

		/** For Hazelcast. */
		public Replace() {
		}

		Replace(@Nullable EntityRecord record) {
			this.record = record;
		}

		@Override
		public Boolean process(Map.Entry<String, EntityRecord> entry) {
			entry.setValue(this.record);
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
