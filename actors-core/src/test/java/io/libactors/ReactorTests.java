package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.libactors.reactor.ReactiveActors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Handlers that return Reactor's {@code Mono} or {@code Flux} hold the actor as a
 * {@code CompletionStage} does; asks and states are {@code Mono} and {@code Flux} through
 * {@link ReactiveActors}. Turns run on the sending thread, so what is not held runs at once.
 */
class ReactorTests {

	private final Core core = Core.builder().executor(Runnable::run).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Load(String key) implements Message {
	}

	record Note(String text) implements Message {
	}

	record Words(String text) implements Message {
	}

	record Fail() implements Message {
	}

	/** Loads through a Mono the test completes; notes what came meanwhile; splits words as a Flux. */
	static class Loader implements StatefulActor<Integer> {

		final Sinks.One<String> loaded = Sinks.one();

		final List<String> log = new CopyOnWriteArrayList<>();

		int notes;

		@MessageHandler
		Mono<String> on(Load load) {
			this.log.add("load " + load.key());
			return this.loaded.asMono().map((value) -> load.key() + "=" + value);
		}

		@MessageHandler
		void on(Note note) {
			this.log.add("note " + note.text());
			this.notes++;
		}

		@MessageHandler
		Flux<String> on(Words words) {
			return Flux.fromArray(words.text().split(" "));
		}

		@MessageHandler
		Mono<Void> on(Fail fail) {
			return Mono.error(new IllegalStateException("downstream said no"));
		}

		@Override
		public Integer state() {
			return this.notes;
		}

	}

	@Test
	void aMonoHandlerHoldsTheActorUntilItCompletesAndItsValueIsTheReply() throws Exception {
		Loader loader = new Loader();
		ActorProxy<Loader> actor = this.core.createActor("loader", loader);
		var reply = actor.ask(new Load("k"), String.class);
		actor.tell(new Note("meanwhile"));
		assertThat(loader.log).containsExactly("load k");
		assertThat(reply).isNotDone();
		loader.loaded.tryEmitValue("v");
		assertThat(reply.get(30, TimeUnit.SECONDS)).isEqualTo("k=v");
		assertThat(loader.log).containsExactly("load k", "note meanwhile");
	}

	@Test
	void aFluxHandlersItemsAreCollectedIntoTheReply() throws Exception {
		ActorProxy<Loader> actor = this.core.createActor("loader", new Loader());
		assertThat(actor.ask(new Words("one two three"), List.class).get(30, TimeUnit.SECONDS))
			.containsExactly("one", "two", "three");
	}

	@Test
	void aMonoThatFailsIsAHandlerFailure() {
		ActorProxy<Loader> actor = this.core.createActor("loader", new Loader());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> actor.ask(new Fail(), Void.class).get(30, TimeUnit.SECONDS))
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(this.core.actor("loader").orElseThrow().failed()).isEqualTo(1);
	}

	@Test
	void asksAreMonosMadeWhenSubscribedAndStatesAFlux() {
		ActorProxy<Loader> actor = this.core.createActor("loader", new Loader());
		Mono<List> words = ReactiveActors.ask(actor, new Words("a b"), List.class);
		assertThat(words.block(Duration.ofSeconds(30))).containsExactly("a", "b");
		assertThat(words.block(Duration.ofSeconds(30))).containsExactly("a", "b");
		List<Integer> states = new CopyOnWriteArrayList<>();
		ReactiveActors.states(actor, Integer.class).subscribe(states::add);
		actor.tell(new Note("one"));
		actor.tell(new Note("two"));
		assertThat(states).containsExactly(0, 1, 2);
	}

}
