package io.libactors.cluster.hazelcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import org.jspecify.annotations.Nullable;

/**
 * What the cluster keeps of one entity, in the entry of its key (so it moves with its partition):
 * the member it is active on, the mail parked while it moves, its saved state, and the last batch
 * of mail it took from each member. Changed only by entry processors, on the partition's thread.
 */
final class EntityRecord implements DataSerializable {

	/** The member the entity is active on, or {@code null} when it is active nowhere. */
	@Nullable String activeOn;

	/**
	 * The number of the activation that {@link #activeOn} names: it grows each time a member
	 * starts the entity anew, so the release of an activation that has ended meanwhile, or on a
	 * member that took mail since, frees nothing.
	 */
	long activation;

	/** Mail that came while the entity could not be delivered to: in arrival order. */
	final List<Mail> parked = new ArrayList<>();

	/** The entity's state as its last activation saved it, as JSON. */
	@Nullable String state;

	/**
	 * The number of the last batch of mail taken from each member. Hazelcast runs an entry
	 * processor again when the member that ran it left before answering (as a member handing
	 * its partitions over does): a batch it has already taken is not taken twice.
	 */
	final Map<String, Long> batches = new LinkedHashMap<>();

	/** For Hazelcast. */
	public EntityRecord() {
	}

	/** Whether the entity is active nowhere, and has neither mail nor state here. */
	boolean isEmpty() {
		return this.activeOn == null && this.parked.isEmpty() && this.state == null;
	}

	/**
	 * Takes note of a batch from a member, and forgets members that have left.
	 * @param member the sending member
	 * @param batch its number, greater than those before it from the same member
	 * @param isMember which members are in the cluster
	 * @return {@code false} if the batch was taken before
	 */
	boolean firstTake(String member, long batch, Predicate<String> isMember) {
		Long last = this.batches.get(member);
		if (last != null && last >= batch) {
			return false;
		}
		this.batches.keySet().removeIf(isMember.negate());
		this.batches.put(member, batch);
		return true;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeString(this.activeOn);
		out.writeLong(this.activation);
		out.writeString(this.state);
		out.writeInt(this.parked.size());
		for (Mail mail : this.parked) {
			mail.writeData(out);
		}
		out.writeInt(this.batches.size());
		for (Map.Entry<String, Long> batch : this.batches.entrySet()) {
			out.writeString(batch.getKey());
			out.writeLong(batch.getValue());
		}
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.activeOn = in.readString();
		this.activation = in.readLong();
		this.state = in.readString();
		int count = in.readInt();
		for (int i = 0; i < count; i++) {
			Mail mail = new Mail();
			mail.readData(in);
			this.parked.add(mail);
		}
		int members = in.readInt();
		for (int i = 0; i < members; i++) {
			this.batches.put(in.readString(), in.readLong());
		}
	}

	/**
	 * One message on the wire: the envelope as JSON, and for an ask, where the reply goes.
	 */
	static final class Mail implements DataSerializable {

		String envelope = "";

		/** The asking member's uuid, or {@code null} for a tell. */
		@Nullable String replyTo;

		long correlation;

		/** How long the asker waits, in milliseconds. */
		long timeoutMillis;

		/** For Hazelcast. */
		public Mail() {
		}

		Mail(String envelope, @Nullable String replyTo, long correlation, long timeoutMillis) {
			this.envelope = envelope;
			this.replyTo = replyTo;
			this.correlation = correlation;
			this.timeoutMillis = timeoutMillis;
		}

		@Override
		public void writeData(ObjectDataOutput out) throws IOException {
			out.writeString(this.envelope);
			out.writeString(this.replyTo);
			out.writeLong(this.correlation);
			out.writeLong(this.timeoutMillis);
		}

		@Override
		public void readData(ObjectDataInput in) throws IOException {
			this.envelope = in.readString();
			this.replyTo = in.readString();
			this.correlation = in.readLong();
			this.timeoutMillis = in.readLong();
		}

	}

}
