package io.libactors;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonTests {

	private final Core core = Core.builder().serializationCheck(SerializationCheck.EVERY_MESSAGE).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(5));
	}

	record Transfer(String from, String to, long amount) implements Message {
	}

	record Received() implements Message {
	}

	record Unreadable(Thread thread) implements Message {
	}

	static class Bank implements Actor {

		Transfer last;

		@MessageHandler
		boolean onTransfer(Transfer transfer) {
			boolean copy = this.last == null || this.last != transfer;
			this.last = transfer;
			return copy;
		}

	}

	static class HoldsThread implements Actor {

		@MessageHandler
		void onUnreadable(Unreadable unreadable) {
		}

	}

	@Test
	void everyMessageModeHandsTheReceiverARoundTrippedCopy() throws Exception {
		ActorProxy<Bank> bank = this.core.createActor("bank", new Bank());
		Transfer transfer = new Transfer("a", "b", 10);
		assertThat(bank.ask(transfer, Boolean.class).get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bank.ask(transfer, Boolean.class).get(30, TimeUnit.SECONDS)).isTrue();
	}

	/** Writes its value negated, so it cannot be read back. */
	record Negating(int n) implements Message {

		Negating {
			if (n < 0) {
				throw new IllegalArgumentException("negative");
			}
		}

		@Override
		public int n() {
			return -this.n;
		}

	}

	static class TakesNegating implements Actor {

		@MessageHandler
		void onNegating(Negating negating) {
		}

	}

	@Test
	void aMessageThatFailsTheRoundTripThrowsAtTheCall() {
		ActorProxy<TakesNegating> actor = this.core.createActor("negating", new TakesNegating());
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> actor.tell(new Negating(5)))
			.withMessageContaining(Negating.class.getName())
			.withMessageContaining("JSON round trip");
		assertThat(actor.mailboxSize()).isZero();
		assertThatExceptionOfType(HandlerRegistrationException.class)
			.isThrownBy(() -> this.core.createActor("thread", new HoldsThread()))
			.withMessageContaining("Unreadable.thread.contextClassLoader is declared as java.lang.ClassLoader");
	}

	static class Simple implements Actor {

		@MessageHandler
		void onTransfer(Transfer transfer) {
		}

	}

	@Test
	void theCodecReadsBackOnlyRegisteredTypesByLogicalName() {
		this.core.createActor("simple", new Simple());
		EnvelopeCodec codec = this.core.envelopeCodec();
		Envelope envelope = new Envelope("id-1", "alice", "simple", new Transfer("a", "b", 5),
				Instant.parse("2026-01-01T00:00:00Z"));
		String json = codec.write(envelope);
		assertThat(json).contains("\"type\":\"Transfer\"").doesNotContain("io.libactors");
		assertThat(codec.read(json)).isEqualTo(envelope);
		String canary = json.replace("\"type\":\"Transfer\"", "\"type\":\"" + Canary.class.getName() + "\"");
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> codec.read(canary))
			.withMessageContaining("no registered actor handles");
		assertThat(CANARY_LOADED).isFalse();
		assertThatExceptionOfType(ActorException.class)
			.isThrownBy(() -> codec.read("{\"pad\":\"" + "x".repeat(EnvelopeCodec.MAX_DOCUMENT_BYTES) + "\"}"))
			.withMessageContaining("refused");
	}

	@Test
	void theCodecRefusesDocumentsNestedTooDeepWithoutEchoingThem() {
		this.core.createActor("simple", new Simple());
		String deep = "{\"type\":\"Transfer\",\"message\":" + "[".repeat(5_000) + "\"secret\"" + "]".repeat(5_000)
				+ "}";
		assertThatExceptionOfType(ActorException.class).isThrownBy(() -> this.core.envelopeCodec().read(deep))
			.withMessageContaining("nesting depth")
			.withMessageNotContaining("secret");
	}

	static volatile boolean CANARY_LOADED;

	static final class Canary implements Message {

		static {
			CANARY_LOADED = true;
		}

	}

}
