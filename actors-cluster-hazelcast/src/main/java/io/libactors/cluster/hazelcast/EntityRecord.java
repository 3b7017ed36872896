package io.libactors.cluster.hazelcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import org.jspecify.annotations.Nullable;

/**
 * What the cluster keeps of one entity, in the entry of its key (so it moves with its partition):
 * the member it is active on, the mail parked while it moves, and its saved state. Changed only
 * by entry processors, on the partition's thread.
 */
final class EntityRecord implements DataSerializable {

	/** The member the entity is active on, or {@code null} when it is active nowhere. */
	@Nullable String activeOn;

	/** Mail that came while the entity could not be delivered to: in arrival order. */
	final List<Mail> parked = new ArrayList<>();

	/** The entity's state as its last activation saved it, as JSON. */
	@Nullable String state;

	/** For Hazelcast. */
	public EntityRecord() {
	}

	boolean isEmpty() {
		return this.activeOn == null && this.parked.isEmpty() && this.state == null;
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeString(this.activeOn);
		out.writeString(this.state);
		out.writeInt(this.parked.size());
		for (Mail mail : this.parked) {
			mail.writeData(out);
		}
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.activeOn = in.readString();
		this.state = in.readString();
		int count = in.readInt();
		for (int i = 0; i < count; i++) {
			Mail mail = new Mail();
			mail.readData(in);
			this.parked.add(mail);
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
