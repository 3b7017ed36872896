package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A sink takes messages of every type, answers asks, subscribes to nothing, never gets ShutdownMessage. */
class MessageSinkTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Ping(int n) implements Message {
	}

	record Note(String text) implements Message {
	}

	/** Records everything; answers an ask with what it has seen so far. */
	static class Recorder implements MessageSink {

		final List<Message> seen = new CopyOnWriteArrayList<>();

		@Override
		public Object receive(Context context, Message message) {
			this.seen.add(message);
			return this.seen.size();
		}

	}

	static class Listener implements Actor {

		@MessageHandler
		void onNote(Note note) {
		}

	}

	@Test
	void aSinkTakesMessagesOfEveryTypeAndAnswersAsks() throws Exception {
		Recorder recorder = new Recorder();
		ActorProxy<Recorder> sink = this.core.createActor("sink", recorder);
		sink.tell(new Ping(1));
		sink.tell(new Note("two"));
		assertThat(sink.ask(new Ping(3), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(recorder.seen).containsExactly(new Ping(1), new Note("two"), new Ping(3));
	}

	@Test
	void aSinkIsNoSubscriberOfPublishedTypesAndNeverGetsShutdownMessage() throws Exception {
		Recorder recorder = new Recorder();
		ActorProxy<Recorder> sink = this.core.createActor("sink", recorder);
		this.core.createActor("listener", new Listener());
		this.core.publish(new Note("to listeners"));
		assertThat(sink.ask(new Ping(1), Integer.class).get(30, TimeUnit.SECONDS)).isEqualTo(1);
		sink.stop().get(30, TimeUnit.SECONDS);
		assertThat(recorder.seen).containsExactly(new Ping(1));
	}

	static class Confused implements MessageSink {

		@Override
		public Object receive(Context context, Message message) {
			return null;
		}

		@MessageHandler
		void onPing(Ping ping) {
		}

	}

	@Test
	void aSinkThatAlsoDeclaresHandlersIsRefusedNamingTheHandler() {
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("confused", new Confused()))
			.withMessageContaining("Confused is a MessageSink and declares @MessageHandler onPing");
	}

}
