package io.libactors.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.boot.autoconfigure.metrics.ActorMeters;
import io.libactors.spring.boot.autoconfigure.observation.ActorObservations;

/** libactors in plain Java, with or without Micrometer meters. */
final class LibactorsHarness extends Harness {

	record Num(int n) implements Message {
	}

	record Question(int n) implements Message {
	}

	static final class Sink implements Actor {

		private final IntConsumer behaviour;

		Sink(IntConsumer behaviour) {
			this.behaviour = behaviour;
		}

		@MessageHandler
		void onNum(Num num) {
			this.behaviour.accept(num.n());
		}

	}

	static final class Answerer implements Actor {

		@MessageHandler
		int onQuestion(Question question) {
			return question.n() + 1;
		}

	}

	private final Core core;

	LibactorsHarness(boolean metrics) {
		this(metrics ? Core.builder().monitor(new ActorMeters(new SimpleMeterRegistry())) : Core.builder());
	}

	private LibactorsHarness(Core.Builder builder) {
		this.core = builder.build();
	}

	/** An observation per message, timed into a meter registry, as Boot's actuator sets it up. */
	static LibactorsHarness traced() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		return new LibactorsHarness(Core.builder().tracer(new ActorObservations(registry)));
	}

	@Override
	Ref spawn(String name, IntConsumer behaviour) {
		ActorProxy<Sink> proxy = this.core.createActor(name, new Sink(behaviour));
		return new LibactorsRef(proxy);
	}

	private record LibactorsRef(ActorProxy<?> proxy) implements Ref {

		@Override
		public void tell(int n) {
			this.proxy.tell(new Num(n));
		}

	}

	@Override
	void stop(List<Ref> actors) throws Exception {
		stopAll(actors);
	}

	static void stopAll(List<Ref> actors) throws Exception {
		CompletableFuture<?>[] stopped = new CompletableFuture<?>[actors.size()];
		for (int i = 0; i < stopped.length; i++) {
			stopped[i] = ((LibactorsRef) actors.get(i)).proxy().stop();
		}
		CompletableFuture.allOf(stopped).get();
	}

	static Ref ref(ActorProxy<?> proxy) {
		return new LibactorsRef(proxy);
	}

	@Override
	Asker asker(String name) {
		ActorProxy<Answerer> answerer = this.core.createActor(name, new Answerer());
		return (n) -> answerer.ask(new Question(n), Integer.class).get();
	}

	@Override
	public void close() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

}
