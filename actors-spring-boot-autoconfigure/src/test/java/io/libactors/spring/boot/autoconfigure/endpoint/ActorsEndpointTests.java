package io.libactors.spring.boot.autoconfigure.endpoint;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorInfo;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the {@code actors} endpoint answers: allowlisted fields, bounded size, real latencies. */
class ActorsEndpointTests {

	private final Core core = Core.create();

	private final ActorsEndpoint endpoint = new ActorsEndpoint(this.core);

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(10));
	}

	record Nap(long millis) implements Message {
	}

	static class Sleeper implements Actor {

		@MessageHandler
		void onNap(Nap nap) throws InterruptedException {
			Thread.sleep(nap.millis());
		}

	}

	@Test
	void tenThousandActorsAnswerUnderAMegabyteWithAllowlistedFieldsOnly() throws Exception {
		CompletableFuture<?>[] handled = new CompletableFuture<?>[10_000];
		for (int i = 0; i < handled.length; i++) {
			handled[i] = this.core.createActor("sleeper-" + i, new Sleeper())
				.ask(new Nap(0), Void.class, Duration.ofMinutes(2));
		}
		CompletableFuture.allOf(handled).get(2, TimeUnit.MINUTES);
		byte[] all = this.json.writeValueAsBytes(this.endpoint.actors(Integer.MAX_VALUE));
		assertThat(all.length).isLessThan(1 << 20);
		JsonNode report = this.json.readTree(all);
		assertThat(fieldNames(report)).containsExactly("actors", "deadLetters", "total");
		assertThat(report.get("total").asInt()).isEqualTo(10_000);
		assertThat(report.get("actors")).hasSize(ActorsEndpoint.MAX_LIMIT);
		for (JsonNode actor : report.get("actors")) {
			assertThat(fieldNames(actor)).containsExactly("failed", "handlers", "mailboxDepth", "name", "processed",
					"state", "type");
			assertThat(fieldNames(actor.get("handlers"))).containsExactly("Nap");
			assertThat(fieldNames(actor.get("handlers").get("Nap"))).containsExactly("count", "max", "mean", "p99");
		}
		assertThat(this.endpoint.actors(null).actors()).hasSize(ActorsEndpoint.DEFAULT_LIMIT);
	}

	@Test
	void aTenMillisecondHandlerReportsItsTimesInMilliseconds() throws Exception {
		ActorProxy<Sleeper> sleeper = this.core.createActor("sleeper", new Sleeper());
		for (int i = 0; i < 20; i++) {
			sleeper.tell(new Nap(10));
		}
		sleeper.ask(new Nap(10), Void.class).get(10, TimeUnit.SECONDS);
		ActorInfo.HandlerStats nap = this.endpoint.actor("sleeper").handlers().get("Nap");
		assertThat(nap.count()).isEqualTo(21);
		// a sleep takes at least its time, and on a busy machine much longer: the upper bounds only
		// catch a slip of unit (microseconds or seconds would be a thousand times off)
		assertThat(nap.mean()).isBetween(9.5, 1_000.0);
		assertThat(nap.max()).isBetween(nap.mean(), 10_000.0);
		assertThat(nap.p99()).isBetween(9.5, nap.max());
	}

	private static Set<String> fieldNames(JsonNode node) {
		Set<String> names = new TreeSet<>();
		for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

}
