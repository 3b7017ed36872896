package io.libactors.test;

import java.time.Duration;

import io.libactors.ActorProxy;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.StatefulActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entities in the kit passivate on its clock: a test moves time past the passivation, no waiting. */
class EntityKitTests {

	private final ActorTestKit kit = ActorTestKit.synchronous();

	@AfterEach
	void close() {
		this.kit.close();
	}

	record Visit() implements Message {
	}

	public static class Visitors implements StatefulActor<Integer> {

		private int count;

		@Override
		public void restore(Integer state) {
			this.count = state;
		}

		@MessageHandler
		int on(Visit visit) {
			return ++this.count;
		}

		@Override
		public Integer state() {
			return this.count;
		}

	}

	@Test
	void anEntityPassivatesWhenTheClockPassesTheTimeAndComesBackWithItsState() {
		ActorProxy<Visitors> page = this.kit.core().entity(Visitors.class, "home");
		assertThat(page.ask(new Visit(), Integer.class)).isCompletedWithValue(1);

		this.kit.clock().advance(Duration.ofMinutes(1));
		assertThat(page.isAlive()).isTrue();
		this.kit.clock().advance(Duration.ofMinutes(3));
		assertThat(page.isAlive()).isFalse();

		assertThat(page.ask(new Visit(), Integer.class)).isCompletedWithValue(2);
		assertThat(page.isAlive()).isTrue();
	}

}
