package io.libactors;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

/**
 * The fields of an {@link ActorCell} that change rarely. Laid out between the senders' fields
 * and the turn's, they keep the two at least a cache line (64 bytes) apart: adding to the
 * senders' fields or taking from these needs a look at the layout (field offsets).
 */
abstract class ActorCellColdFields extends ActorCellSenderFields {

	final String name;

	final long incarnation;

	final @Nullable ActorCell parent;

	final ActorOrigin origin;

	/** Replaced only by a restart, inside the turn. */
	Actor actor;

	/** Shutdown ran out of time: what is left becomes dead letters. */
	volatile boolean forced;

	/** Written inside the turn; elements published with release stores. */
	volatile HandlerMetrics @Nullable [] metrics;

	volatile @Nullable Set<ActorCell> children;

	volatile @Nullable ActorTimers timers;

	volatile @Nullable Map<String, Future<?>> actlets;

	@Nullable CompletableFuture<Void> terminated;

	@Nullable CompletableFuture<Void> started;

	boolean finished;

	long @Nullable [] restarts;

	@Nullable List<String[]> bindings;

	/** Made by the first subscription to the actor's states; the turn's. */
	@Nullable StateStream states;

	/** Made on first use: envelope ids are this plus the message's sequence number. */
	@Nullable String idPrefix;

	ActorCellColdFields(Core core, Router router, String name, long incarnation, @Nullable ActorCell parent,
			ActorOrigin origin, Actor actor) {
		super(core, router);
		this.name = name;
		this.incarnation = incarnation;
		this.parent = parent;
		this.origin = origin;
		this.actor = actor;
	}

}
