package io.libactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent lists the children it made that have not stopped, and finds one by name. */
class ChildrenTests {

	private final Core core = Core.create();

	@AfterEach
	void shutdown() {
		this.core.shutdown(Duration.ofSeconds(30));
	}

	record Make(String name) implements Message {
	}

	record ListChildren() implements Message {
	}

	record Find(String name) implements Message {
	}

	static class Child implements Actor {

		@MessageHandler
		void on(ListChildren list) {
		}

	}

	/** Makes children when told, and answers what its context says of them. */
	static class Parent implements Actor {

		@MessageHandler
		boolean on(Context context, Make make) {
			context.createActor(make.name(), new Child());
			return true;
		}

		@MessageHandler
		String on(Context context, ListChildren list) {
			return String.join(",", context.children().stream().map(ActorProxy::name).toList());
		}

		@MessageHandler
		boolean on(Context context, Find find) {
			return context.child(find.name()).isPresent();
		}

	}

	private <R> R ask(ActorProxy<?> actor, Message message, Class<R> type) throws Exception {
		return actor.ask(message, type).get(30, TimeUnit.SECONDS);
	}

	@Test
	void aParentListsItsChildrenByNameUntilTheyStop() throws Exception {
		ActorProxy<Parent> parent = this.core.createActor("parent", new Parent());
		assertThat(ask(parent, new ListChildren(), String.class)).isEmpty();
		for (String name : List.of("carol", "alice", "bob")) {
			ask(parent, new Make(name), Boolean.class);
		}
		assertThat(ask(parent, new ListChildren(), String.class)).isEqualTo("alice,bob,carol");
		this.core.find("bob").orElseThrow().stop().get(30, TimeUnit.SECONDS);
		assertThat(ask(parent, new ListChildren(), String.class)).isEqualTo("alice,carol");
	}

	@Test
	void aParentFindsItsOwnChildrenOnly() throws Exception {
		ActorProxy<Parent> parent = this.core.createActor("parent", new Parent());
		ActorProxy<Parent> other = this.core.createActor("other", new Parent());
		ask(parent, new Make("mine"), Boolean.class);
		ask(other, new Make("theirs"), Boolean.class);
		assertThat(ask(parent, new Find("mine"), Boolean.class)).isTrue();
		assertThat(ask(parent, new Find("theirs"), Boolean.class)).isFalse();
		assertThat(ask(parent, new Find("parent"), Boolean.class)).isFalse();
		this.core.find("mine").orElseThrow().stop().get(30, TimeUnit.SECONDS);
		assertThat(ask(parent, new Find("mine"), Boolean.class)).isFalse();
	}

}
