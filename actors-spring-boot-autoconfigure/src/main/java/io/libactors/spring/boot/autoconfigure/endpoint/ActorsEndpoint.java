package io.libactors.spring.boot.autoconfigure.endpoint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.libactors.ActorInfo;
import io.libactors.Core;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The read-only {@code actors} endpoint: the busiest actors by mailbox depth, with totals, and
 * one actor by name. Shows message types and counts, never message contents. Thread-safe.
 */
@Endpoint(id = "actors")
public class ActorsEndpoint {

	/** Entries listed when the request names no {@code limit}. */
	public static final int DEFAULT_LIMIT = 100;

	/** The most entries one request lists, whatever its {@code limit}: an answer stays under a megabyte. */
	public static final int MAX_LIMIT = 1_000;

	private final Core core;

	private final @Nullable ClusterSection cluster;

	public ActorsEndpoint(Core core) {
		this(core, null);
	}

	/** @param cluster the cluster's section, when the core is one of several instances */
	public ActorsEndpoint(Core core, @Nullable ClusterSection cluster) {
		this.core = core;
		this.cluster = cluster;
	}

	/**
	 * {@code GET /actuator/actors[?limit=n]}: up to {@code limit} actors (at most
	 * {@link #MAX_LIMIT}), deepest mailbox first, then by name, with the number of live actors
	 * and of dead letters.
	 */
	@ReadOperation
	public ActorsReport actors(@Nullable Integer limit) {
		int count = (limit != null) ? Math.min(Math.max(0, limit), MAX_LIMIT) : DEFAULT_LIMIT;
		return new ActorsReport(this.core.busiest(count), this.core.actorCount(), this.core.deadLetterCount(),
				(this.cluster != null) ? this.cluster.describe() : null);
	}

	/**
	 * {@code GET /actuator/actors/{name}}: one actor, or 404 when no actor has that name. An
	 * entity's name has a {@code /} between its template and its id, so the name may take two
	 * segments: {@code /actuator/actors/account/alice}.
	 */
	@ReadOperation
	public @Nullable ActorInfo actor(@Selector(match = Selector.Match.ALL_REMAINING) String... name) {
		return this.core.actor(String.join("/", name)).orElse(null);
	}

	/**
	 * The endpoint's answer.
	 * @param actors the listed actors
	 * @param total how many actors are alive
	 * @param deadLetters dead letters so far
	 * @param cluster the members, this instance's partitions and entities; absent on one instance
	 */
	public record ActorsReport(List<ActorInfo> actors, int total, long deadLetters,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Object> cluster) {
	}

}
