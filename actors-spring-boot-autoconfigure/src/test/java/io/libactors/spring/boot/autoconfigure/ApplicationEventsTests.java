package io.libactors.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's payload events that are messages reach the actors that handle them, in the
 * order one thread published them; an actor publishes application events through the
 * application's publisher.
 */
class ApplicationEventsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
		.withUserConfiguration(PriceBoard.class, Audit.class);

	static final List<String> heard = new CopyOnWriteArrayList<>();

	record PriceChanged(String item, long cents) implements Message {
	}

	record Prices() implements Message {
	}

	/** Records a price change, and tells the application when a price doubles. */
	@ActorComponent("price-board")
	static class PriceBoard implements Actor {

		private final ApplicationEventPublisher events;

		private final List<String> seen = new CopyOnWriteArrayList<>();

		private long last;

		PriceBoard(ApplicationEventPublisher events) {
			this.events = events;
		}

		@MessageHandler
		void on(PriceChanged change) {
			this.seen.add(change.item() + "=" + change.cents());
			if (this.last > 0 && change.cents() >= 2 * this.last) {
				this.events.publishEvent(new PriceDoubled(change.item()));
			}
			this.last = change.cents();
		}

		@MessageHandler
		String on(Prices prices) {
			return String.join(",", this.seen);
		}

	}

	/** Not a message: published from an actor to the application's listeners only. */
	record PriceDoubled(String item) {
	}

	static class Audit {

		@EventListener
		void on(PriceDoubled doubled) {
			heard.add("doubled " + doubled.item());
		}

	}

	@BeforeEach
	void forgetEarlierRuns() {
		heard.clear();
	}

	@SuppressWarnings("unchecked")
	private static ActorProxy<PriceBoard> board(org.springframework.context.ApplicationContext context) {
		return (ActorProxy<PriceBoard>) context
			.getBeanProvider(ResolvableType.forClassWithGenerics(ActorProxy.class, PriceBoard.class))
			.getObject();
	}

	@Test
	void payloadEventsThatAreMessagesReachTheActorsInOrderAndActorsPublishToTheApplication() {
		this.contextRunner.run((context) -> {
			for (long cents = 100; cents <= 400; cents += 100) {
				context.publishEvent(new PriceChanged("tea", cents));
			}
			assertThat(board(context).ask(new Prices(), String.class).get(30, TimeUnit.SECONDS))
				.isEqualTo("tea=100,tea=200,tea=300,tea=400");
			assertThat(heard).containsExactly("doubled tea");
		});
	}

	@Test
	void theBridgeCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("actors.application-events=false").run((context) -> {
			context.publishEvent(new PriceChanged("tea", 100));
			assertThat(board(context).ask(new Prices(), String.class).get(30, TimeUnit.SECONDS)).isEmpty();
		});
	}

}
