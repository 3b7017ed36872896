package io.libactors.internal.handler;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handlers that return Reactor's {@code Mono} or {@code Flux}: held like a {@code CompletionStage}
 * (a {@code Flux}'s items collected into a list). Loaded only when Reactor is on the classpath
 * ({@link Handler#REACTOR}).
 */
final class ReactorResults {

	private ReactorResults() {
	}

	static boolean isReactive(Class<?> returnType) {
		return Mono.class.isAssignableFrom(returnType) || Flux.class.isAssignableFrom(returnType);
	}

	/** The stage of a handler's {@code Mono} or {@code Flux}; subscribes to it. */
	static @Nullable CompletionStage<?> stageOf(Object result) {
		if (result instanceof Mono<?> mono) {
			return mono.toFuture();
		}
		if (result instanceof Flux<?> flux) {
			return flux.collectList().toFuture();
		}
		return null;
	}

}
