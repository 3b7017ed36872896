package io.libactors.spring.boot.autoconfigure;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's structured logging carries the actor's MDC fields as JSON fields. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	record Pay(long amount) implements Message {
	}

	@ActorComponent("cashier")
	static class Cashier implements Actor {

		@MessageHandler
		void onPay(Context context, Pay pay) {
			try (Context.Binding customer = context.bind("customer", "c-42")) {
				context.info("Paid");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ ActorsAutoConfiguration.class, Cashier.class })
	static class App {

	}

	@Test
	void ecsLinesCarryTheActorTheMessageTheEnvelopeAndBoundFields(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.run("--logging.structured.format.console=ecs")) {
			context.getBean(Core.class).find("cashier").orElseThrow().ask(new Pay(10), Void.class).get(5,
					TimeUnit.SECONDS);
		}
		String line = output.getOut().lines().filter((candidate) -> candidate.contains("\"Paid\"")).findFirst()
			.orElseThrow();
		Map<String, Object> fields = JsonPath.parse(line).read("$");
		assertThat(fields).containsEntry("actor", "cashier")
			.containsEntry("messageType", "Pay")
			.containsEntry("customer", "c-42")
			.containsKey("envelopeId");
		assertThat(fields.get("envelopeId").toString()).isNotBlank();
		assertThat(line).doesNotContain("amount");
	}

}
