package io.libactors.test;

import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Captured logs keep each line an actor logged with its MDC fields, and only while open. */
class CapturedLogsTests {

	record Order(String id) implements Message {
	}

	static class Clerk implements Actor {

		@MessageHandler
		String onOrder(Context context, Order order) {
			try (Context.Binding binding = context.bind("order", order.id())) {
				context.info("taking order {}", order.id());
			}
			return "taken";
		}

	}

	@Test
	void anActorsLinesCarryItsNameMessageTypeEnvelopeAndBoundFields() throws Exception {
		try (ActorTestKit kit = ActorTestKit.create(); CapturedLogs logs = CapturedLogs.start()) {
			ActorProxy<Clerk> clerk = kit.core().createActor("clerk", new Clerk());
			// the reply comes after the handler logged
			assertThat(clerk.ask(new Order("42"), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("taken");
			assertThat(logs.linesOf("clerk")).singleElement().satisfies((line) -> {
				assertThat(line.level()).isEqualTo("INFO");
				assertThat(line.logger()).isEqualTo(Clerk.class.getName());
				assertThat(line.message()).isEqualTo("taking order 42");
				assertThat(line.mdc()).containsEntry("messageType", "Order")
					.containsEntry("order", "42")
					.containsKey("envelopeId");
			});
		}
	}

	@Test
	void nothingIsCapturedOnceClosed() throws Exception {
		try (ActorTestKit kit = ActorTestKit.create()) {
			CapturedLogs logs = CapturedLogs.start();
			logs.close();
			ActorProxy<Clerk> clerk = kit.core().createActor("clerk", new Clerk());
			clerk.ask(new Order("7"), String.class).get(30, TimeUnit.SECONDS);
			assertThat(logs.lines()).isEmpty();
		}
	}

}
