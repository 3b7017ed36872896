package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actors created together start after all of them exist, so each one's {@code initialize} finds
 * the others; turns run on the creating thread here, so without the hold the first would start
 * at once.
 */
class StartTogetherTests {

	private final Core core = Core.builder().executor(Runnable::run).build();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	static final List<String> seen = new CopyOnWriteArrayList<>();

	record Hello() implements Message {
	}

	/** Notes in initialize which of the others it finds, then greets them. */
	static class Peer implements Actor {

		@Override
		public void initialize(Context context) {
			for (String other : List.of("first", "second", "third")) {
				if (!other.equals(context.name()) && context.core().find(other).isPresent()) {
					seen.add(context.name() + " finds " + other);
				}
			}
		}

		@MessageHandler
		void on(Context context, Hello hello) {
			seen.add(context.name() + " greeted");
		}

	}

	@Test
	void eachInitializeFindsTheOthersAndMailWaitsForIt() throws Exception {
		seen.clear();
		this.core.startTogether(() -> {
			this.core.createActor("first", new Peer()).tell(new Hello());
			this.core.createActor("second", new Peer());
			this.core.createActor("third", new Peer());
			assertThat(seen).isEmpty();
		});
		this.core.whenStarted(this.core.find("third").orElseThrow()).get(30, TimeUnit.SECONDS);
		assertThat(seen).containsExactly("first finds second", "first finds third", "first greeted",
				"second finds first", "second finds third", "third finds first", "third finds second");
	}

}
