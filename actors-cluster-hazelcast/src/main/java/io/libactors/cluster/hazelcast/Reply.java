package io.libactors.cluster.hazelcast;

import java.io.IOException;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import org.jspecify.annotations.Nullable;

/** An ask's reply on its way back to the member that asked: its value as JSON, or why it failed. */
final class Reply implements Runnable, DataSerializable, HazelcastInstanceAware {

	private long correlation;

	private @Nullable String value;

	private @Nullable String failure;

	private transient @Nullable HazelcastInstance hazelcast;

	/** For Hazelcast. */
	public Reply() {
	}

	Reply(long correlation, @Nullable String value, @Nullable String failure) {
		this.correlation = correlation;
		this.value = value;
		this.failure = failure;
	}

	@Override
	public void setHazelcastInstance(HazelcastInstance hazelcast) {
		this.hazelcast = hazelcast;
	}

	@Override
	public void run() {
		HazelcastInstance hazelcast = this.hazelcast;
		EntityHost host = (hazelcast != null) ? EntityHost.of(hazelcast) : null;
		if (host != null) {
			host.router().replied(this.correlation, this.value, this.failure);
		}
	}

	@Override
	public void writeData(ObjectDataOutput out) throws IOException {
		out.writeLong(this.correlation);
		out.writeString(this.value);
		out.writeString(this.failure);
	}

	@Override
	public void readData(ObjectDataInput in) throws IOException {
		this.correlation = in.readLong();
		this.value = in.readString();
		this.failure = in.readString();
	}

}
