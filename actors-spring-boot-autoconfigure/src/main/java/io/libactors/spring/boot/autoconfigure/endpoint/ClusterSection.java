package io.libactors.spring.boot.autoconfigure.endpoint;

import java.util.Map;

/**
 * What the cluster module adds to {@code GET /actuator/actors} under {@code cluster}: the
 * members, this instance's partitions and entities. Thread-safe; never message contents.
 */
@FunctionalInterface
public interface ClusterSection {

	/** The section now, as JSON-writable values. */
	Map<String, Object> describe();

}
