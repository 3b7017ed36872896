package io.libactors.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Apache Pekko typed: its default configuration, or tuned like libactors' default (a dispatcher
 * of as many threads as CPUs, 100 messages per turn).
 */
final class PekkoHarness extends Harness {

	sealed interface Command permits Num, Question, Stop {
	}

	record Num(int n) implements Command {
	}

	record Question(int n, ActorRef<Integer> replyTo) implements Command {
	}

	record Stop() implements Command {
	}

	private final ActorSystem<Void> system;

	private final AtomicLong stopped = new AtomicLong();

	PekkoHarness(boolean tuned) {
		Config config = ConfigFactory.parseString("""
				pekko.loglevel = WARNING
				pekko.stdout-loglevel = WARNING
				pekko.log-dead-letters = off
				pekko.log-dead-letters-during-shutdown = off
				""");
		if (tuned) {
			int cpus = Runtime.getRuntime().availableProcessors();
			config = ConfigFactory.parseString("pekko.actor.default-dispatcher { throughput = 100\n"
					+ "fork-join-executor { parallelism-min = " + cpus + "\nparallelism-max = " + cpus + " } }")
				.withFallback(config);
		}
		this.system = ActorSystem.create(Behaviors.empty(), "bench", config.withFallback(ConfigFactory.load()));
	}

	@Override
	Ref spawn(String name, IntConsumer behaviour) {
		Behavior<Command> sink = Behaviors.receive(Command.class).onMessage(Num.class, (num) -> {
			behaviour.accept(num.n());
			return Behaviors.same();
		}).onMessage(Stop.class, (stop) -> Behaviors.stopped()).onSignal(PostStop.class, (signal) -> {
			this.stopped.incrementAndGet();
			return Behaviors.same();
		}).build();
		ActorRef<Command> ref = this.system.systemActorOf(sink, name, Props.empty());
		return new PekkoRef(ref);
	}

	private record PekkoRef(ActorRef<Command> ref) implements Ref {

		@Override
		public void tell(int n) {
			this.ref.tell(new Num(n));
		}

	}

	@Override
	void stop(List<Ref> actors) {
		long target = this.stopped.get() + actors.size();
		for (Ref actor : actors) {
			((PekkoRef) actor).ref().tell(new Stop());
		}
		while (this.stopped.get() < target) {
			LockSupport.parkNanos(10_000);
		}
	}

	@Override
	Asker asker(String name) {
		Behavior<Command> answerer = Behaviors.receive(Command.class).onMessage(Question.class, (question) -> {
			question.replyTo().tell(question.n() + 1);
			return Behaviors.same();
		}).build();
		ActorRef<Command> ref = this.system.systemActorOf(answerer, name, Props.empty());
		Duration timeout = Duration.ofSeconds(5);
		return (n) -> AskPattern.<Command, Integer>ask(ref, (replyTo) -> new Question(n, replyTo), timeout,
				this.system.scheduler()).toCompletableFuture().get(5, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.system.terminate();
		this.system.getWhenTerminated().toCompletableFuture().join();
	}

}
