package io.libactors.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import io.libactors.ActorMonitor;
import io.libactors.ActorSettings;
import io.libactors.ActorTemplates;
import io.libactors.Backoff;
import io.libactors.Context;
import io.libactors.EntityRouter;
import io.libactors.EntityStateStore;
import io.libactors.MessageTracer;
import io.libactors.SerializationCheck;
import io.libactors.TimerScheduler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link io.libactors.Core.Builder} was told, validated; {@code null} means the default.
 * @param context makes the context every actor shares, already attached to its core
 */
public record CoreSettings(@Nullable Executor executor, @Nullable Executor actletExecutor,
		@Nullable ScheduledExecutorService scheduler, @Nullable TimerScheduler timerScheduler, Duration askTimeout,
		int mailboxCapacity, int throughput, int maxActors, @Nullable Duration slowHandler,
		Supplier<? extends Context> context, List<ActorMonitor> monitors, @Nullable MessageTracer tracer,
		boolean virtualThreads, int maxRestarts, Duration restartWindow, @Nullable Backoff restartBackoff,
		SerializationCheck serializationCheck,
		@Nullable JsonMapper jsonMapper, ActorTemplates templates, @Nullable TimerScheduler clock,
		Duration passivateAfter, EntityStateStore entityStateStore, @Nullable EntityRouter entityRouter,
		Function<String, @Nullable Executor> dispatchers, Map<String, ActorSettings> actorSettings) {
}
