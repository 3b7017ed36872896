package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TracingTests {

	/** A span as a tracing library would keep it: a name, a parent, and a thread-local "current". */
	record Span(String name, @Nullable Span parent) {
	}

	static final ThreadLocal<@Nullable Span> currentSpan = new ThreadLocal<>();

	/** Records ended spans; makes each handling the current span while its handler runs. */
	static final class RecordingTracer implements MessageTracer {

		final List<String> ended = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable Object capture() {
			return currentSpan.get();
		}

		@Override
		public Handling start(@Nullable Object parent, ActorProxy<?> actor, @Nullable String template,
				Class<?> messageType) {
			Span span = new Span(actor.name() + ":" + messageType.getSimpleName(), (Span) parent);
			Span outer = currentSpan.get();
			currentSpan.set(span);
			return new Handling() {
				@Override
				public void detach() {
					currentSpan.set(outer);
				}

				@Override
				public void end(@Nullable Throwable error) {
					RecordingTracer.this.ended.add(path(span) + ((error != null) ? " failed" : ""));
				}
			};
		}

		static String path(@Nullable Span span) {
			return (span == null) ? "" : path(span.parent()) + "/" + span.name();
		}

	}

	record Start() implements Message {
	}

	record Relay() implements Message {
	}

	record Later() implements Message {
	}

	static class First implements Actor {

		@MessageHandler
		void onStart(Context context, Start start) {
			context.proxy("second").tell(new Relay());
		}

	}

	static class Second implements Actor {

		final CompletableFuture<String> release = new CompletableFuture<>();

		@MessageHandler
		void onRelay(Relay relay) {
			if (currentSpan.get() == null) {
				throw new IllegalStateException("no span while handling");
			}
		}

		@MessageHandler
		CompletionStage<String> onLater(Later later) {
			return this.release;
		}

	}

	@Test
	void aTraceFlowsFromTheSenderThroughEveryActorItReaches() {
		RecordingTracer tracer = new RecordingTracer();
		Core core = Core.builder().tracer(tracer).build();
		core.createActor("first", new First());
		core.createActor("second", new Second());
		currentSpan.set(new Span("request", null));
		try {
			core.find("first").orElseThrow().tell(new Start());
		}
		finally {
			currentSpan.remove();
		}
		await().until(() -> tracer.ended.size() == 2);
		assertThat(tracer.ended).containsExactlyInAnyOrder("/request/first:Start", "/request/first:Start/second:Relay");
		core.shutdown(Duration.ofSeconds(5));
	}

	@Test
	void aCompletionStageHandlingEndsWhenItsStageCompletes() throws Exception {
		RecordingTracer tracer = new RecordingTracer();
		Core core = Core.builder().tracer(tracer).build();
		Second second = new Second();
		ActorProxy<Second> proxy = core.createActor("second", second);
		CompletableFuture<String> answer = proxy.ask(new Later(), String.class);
		proxy.tell(new Relay());
		await().during(Duration.ofMillis(100)).until(() -> tracer.ended.isEmpty());
		second.release.complete("done");
		assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("done");
		await().until(() -> tracer.ended.size() == 2);
		assertThat(tracer.ended).containsExactly("/second:Later", "/second:Relay");
		core.shutdown(Duration.ofSeconds(5));
	}

}
