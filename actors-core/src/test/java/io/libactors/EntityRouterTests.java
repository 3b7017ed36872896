package io.libactors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router places entities on other cores: mail to an entity that lives elsewhere goes through
 * it, arrives through that core's inbox, and an ask's reply comes back through the future.
 */
class EntityRouterTests {

	private final ExecutorService wire = Executors.newSingleThreadExecutor();

	private final List<Core> cores = new ArrayList<>();

	@AfterEach
	void shutdown() {
		this.cores.forEach((core) -> core.shutdown(Duration.ofSeconds(30)));
		this.wire.shutdownNow();
	}

	record Append(int n) implements Message {
	}

	record Read() implements Message {
	}

	/** Keeps what it is sent, and checks it comes in order. */
	public static class Log implements Actor {

		private final List<Integer> seen = new ArrayList<>();

		@MessageHandler
		void on(Append append) {
			this.seen.add(append.n());
		}

		@MessageHandler
		String on(Context context, Read read) {
			return context.name() + "@" + context.core().hashCode() + " " + this.seen.size() + " "
					+ this.seen.equals(java.util.stream.IntStream.range(0, this.seen.size()).boxed().toList());
		}

	}

	/** Entities whose id starts with "b" live on core b; the wire is one thread, in order. */
	private final class TwoCoreRouter implements EntityRouter {

		private final String self;

		private volatile EntityRouter.Inbox inbox;

		private TwoCoreRouter other;

		TwoCoreRouter(String self) {
			this.self = self;
		}

		@Override
		public void attach(EntityRouter.Inbox inbox) {
			this.inbox = inbox;
		}

		@Override
		public boolean route(EntityRouter.Mail mail) {
			String owner = mail.id().startsWith("b") ? "b" : "a";
			if (owner.equals(this.self)) {
				return false;
			}
			Inbox there = this.other.inbox;
			EntityRouterTests.this.wire.execute(() -> {
				if (mail.reply() == null) {
					there.tell(Log.class, mail.id(), mail.message());
				}
				else {
					there.ask(Log.class, mail.id(), mail.message(), mail.replyType(), mail.timeout())
						.whenComplete((value, failure) -> {
							if (failure != null) {
								mail.reply().completeExceptionally(failure);
							}
							else {
								mail.reply().complete(value);
							}
						});
				}
			});
			return true;
		}

	}

	@Test
	void mailToAnEntityThatLivesElsewhereArrivesThereInOrderAndItsRepliesComeBack() throws Exception {
		TwoCoreRouter toA = new TwoCoreRouter("a");
		TwoCoreRouter toB = new TwoCoreRouter("b");
		toA.other = toB;
		toB.other = toA;
		Core a = Core.builder().entityRouter(toA).build();
		Core b = Core.builder().entityRouter(toB).build();
		this.cores.add(a);
		this.cores.add(b);

		for (int i = 0; i < 1_000; i++) {
			a.entity(Log.class, "b-1").tell(new Append(i));
		}
		String fromA = a.entity(Log.class, "b-1").ask(new Read(), String.class).get(30, TimeUnit.SECONDS);
		String fromB = b.entity(Log.class, "b-1").ask(new Read(), String.class).get(30, TimeUnit.SECONDS);

		assertThat(fromA).isEqualTo("Log/b-1@" + b.hashCode() + " 1000 true").isEqualTo(fromB);
		assertThat(a.find("Log/b-1")).isEmpty();
		assertThat(b.find("Log/b-1")).isPresent();
		assertThat(a.entity(Log.class, "a-1").ask(new Read(), String.class).get(30, TimeUnit.SECONDS))
			.isEqualTo("Log/a-1@" + a.hashCode() + " 0 true");
	}

}
