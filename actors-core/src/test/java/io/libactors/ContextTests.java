package io.libactors;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ContextTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Show() implements Message {
	}

	record Leak() implements Message {
	}

	static class MdcReader implements Actor {

		final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

		@MessageHandler
		void onShow(Context context, Show show) {
			this.seen.add(new HashMap<>(MDC.getCopyOfContextMap()));
			try (Context.Binding binding = context.bind("account", "acc-1")) {
				this.seen.add(new HashMap<>(MDC.getCopyOfContextMap()));
			}
			this.seen.add(new HashMap<>(MDC.getCopyOfContextMap()));
		}

		@MessageHandler
		void onLeak(Context context, Leak leak) {
			context.bind("leaky", "value");
		}

	}

	@Test
	void mdcCarriesActorMessageTypeEnvelopeIdAndBoundFields() throws Exception {
		MdcReader reader = new MdcReader();
		ActorProxy<MdcReader> actor = this.core.createActor("reader", reader);
		actor.ask(new Show(), Void.class).get(30, TimeUnit.SECONDS);
		assertThat(reader.seen.get(0)).containsEntry("actor", "reader")
			.containsEntry("messageType", "Show")
			.containsKey("envelopeId")
			.doesNotContainKey("account");
		assertThat(reader.seen.get(1)).containsEntry("account", "acc-1");
		assertThat(reader.seen.get(2)).doesNotContainKey("account");
	}

	@Test
	void bindingsAndKeysNeverLeakIntoTheNextMessageOrTask() throws Exception {
		MdcReader reader = new MdcReader();
		ActorProxy<MdcReader> actor = this.core.createActor("reader", reader);
		for (int i = 0; i < 100; i++) {
			actor.tell(new Leak());
			actor.tell(new Show());
		}
		actor.ask(new Show(), Void.class).get(30, TimeUnit.SECONDS);
		assertThat(reader.seen).allSatisfy((mdc) -> assertThat(mdc).doesNotContainKey("leaky"));
		CompletableFuture<Map<String, String>> after = new CompletableFuture<>();
		java.util.concurrent.ForkJoinPool.commonPool().execute(() -> after.complete(MDC.getCopyOfContextMap()));
		assertThat(after.get(30, TimeUnit.SECONDS)).satisfiesAnyOf((mdc) -> assertThat(mdc).isNull(),
				(mdc) -> assertThat(mdc).doesNotContainKeys("actor", "messageType", "envelopeId"));
	}

	@Test
	void envelopeIdsAreUniqueAndCarryTheSender() throws Exception {
		List<Envelope> envelopes = new CopyOnWriteArrayList<>();
		ActorProxy<Actor> receiver = this.core.createActor("receiver", new Actor() {
			@MessageHandler
			void onShow(Context context, Show show) {
				envelopes.add(context.envelope());
			}
		});
		this.core.createActor("sender", new Actor() {
			@Override
			public void initialize(Context context) {
				for (int i = 0; i < 1_000; i++) {
					receiver.tell(new Show());
				}
			}
		});
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> envelopes.size() == 1_000);
		assertThat(envelopes).extracting(Envelope::id).doesNotHaveDuplicates();
		assertThat(envelopes).allSatisfy((envelope) -> {
			assertThat(envelope.sender()).isEqualTo("sender");
			assertThat(envelope.receiver()).isEqualTo("receiver");
			assertThat(envelope.timestamp()).isNotNull();
		});
	}

	@Test
	void contextMethodsRefuseToAnswerOffTheActorsThread() {
		Context context = this.core.context();
		assertThatIllegalStateException().isThrownBy(context::self).withMessageContaining("ctx.self()");
		assertThatIllegalStateException().isThrownBy(context::timers);
		assertThatIllegalStateException().isThrownBy(() -> context.info("hello"));
		assertThat(context.core()).isSameAs(this.core);
		assertThat(context.proxy("anyone").name()).isEqualTo("anyone");
	}

}
