package io.libactors.reactor;

import java.time.Duration;

import io.libactors.ActorProxy;
import io.libactors.Message;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An actor's {@code ask} and {@code states} as Reactor types, for WebFlux and other Reactor
 * code (Reactor must be on the classpath). Each subscription to an ask's {@code Mono} asks
 * anew; cancelling it does not stop the handling already under way. Thread-safe.
 */
public final class ReactiveActors {

	private ReactiveActors() {
	}

	/** {@link ActorProxy#ask(Message, Class)} when subscribed; empty for a {@code null} reply. */
	public static <R> Mono<R> ask(ActorProxy<?> actor, Message message, Class<R> replyType) {
		return Mono.fromFuture(() -> actor.ask(message, replyType));
	}

	/** {@link ActorProxy#ask(Message, Class, Duration)} when subscribed. */
	public static <R> Mono<R> ask(ActorProxy<?> actor, Message message, Class<R> replyType, Duration timeout) {
		return Mono.fromFuture(() -> actor.ask(message, replyType, timeout));
	}

	/** {@link ActorProxy#states(Class)} as a {@code Flux}: the current state, then each change. */
	public static <S> Flux<S> states(ActorProxy<?> actor, Class<S> type) {
		return JdkFlowAdapter.flowPublisherToFlux(actor.states(type));
	}

}
