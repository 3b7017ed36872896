package io.libactors.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The workloads, each run against every system of its {@code system} parameter in one JMH run,
 * so that their figures compare. Every message really goes through a mailbox and is counted.
 */
public class Workloads {

	static final int TELLS = 1_000_000;

	static final int ROUND_TRIPS = 100_000;

	static final int FAN_OUT_ACTORS = 10_000;

	static final int FAN_OUT_ROUNDS = 100;

	static final int SPAWNS = 1_000;

	static final int RING_ACTORS = 100;

	static final int RING_HOPS = 100_000;

	static final int FORK_JOIN_ACTORS = 60;

	static final int FORK_JOIN_MESSAGES = 10_000;

	/**
	 * A workload's harness: opened on the system of the {@code system} parameter, closed after.
	 * Its run settings (JMH annotations are inherited) hold for every workload that names no
	 * other.
	 */
	@State(Scope.Benchmark)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Warmup(iterations = 3, time = 1)
	@Measurement(iterations = 5, time = 1)
	@Fork(1)
	public abstract static class OnOneSystem {

		Harness harness;

		/** The value of the subclass's {@code system} parameter. */
		abstract String system();

		@Setup(Level.Trial)
		public void openHarness() {
			this.harness = Harness.of(system());
			prepare();
		}

		/** Sets up the workload's actors once the harness is open. */
		void prepare() {
		}

		@TearDown(Level.Trial)
		public void closeHarness() {
			this.harness.close();
		}

	}

	/**
	 * One sender tells one actor a million messages; the score is messages per second. Whether
	 * a backlog builds up (the turn drains full batches) or not (it idles and is woken again)
	 * changes from one JVM to the next, so this workload takes two forks.
	 */
	@Fork(2)
	public static class Tell extends OnOneSystem {

		@Param({ "libactors", "libactors-metrics", "libactors-tracing", "spring", "spring-metrics", "pekko-default",
				"pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		private Harness.Ref actor;

		private int received;

		private volatile CountDownLatch done;

		@Override
		void prepare() {
			this.actor = this.harness.spawn("counter", (n) -> {
				if (++this.received == TELLS) {
					this.received = 0;
					this.done.countDown();
				}
			});
		}

		@Benchmark
		@OperationsPerInvocation(TELLS)
		public void tell() throws InterruptedException {
			CountDownLatch done = new CountDownLatch(1);
			this.done = done;
			for (int i = 0; i < TELLS; i++) {
				this.actor.tell(i);
			}
			done.await();
		}

	}

	/**
	 * Pairs of actors pass a number back and forth, all pairs at once; the score is round trips
	 * per second, over all pairs.
	 */
	public static class PingPong extends OnOneSystem {

		@Param({ "libactors", "libactors-tracing", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Param({ "1", "2" })
		public int pairs;

		@Override
		String system() {
			return this.system;
		}

		private final List<Harness.Ref[]> all = new ArrayList<>();

		private volatile CountDownLatch done;

		@Override
		void prepare() {
			for (int p = 0; p < this.pairs; p++) {
				Harness.Ref[] pair = new Harness.Ref[2];
				pair[0] = this.harness.spawn("ping-" + p, (n) -> {
					if (n <= 0) {
						this.done.countDown();
					}
					else {
						pair[1].tell(n - 1);
					}
				});
				pair[1] = this.harness.spawn("pong-" + p, (n) -> pair[0].tell(n - 1));
				this.all.add(pair);
			}
		}

		@Benchmark
		@OperationsPerInvocation(ROUND_TRIPS)
		public void pingPong() throws InterruptedException {
			CountDownLatch done = new CountDownLatch(this.pairs);
			this.done = done;
			for (Harness.Ref[] pair : this.all) {
				pair[1].tell(2 * (ROUND_TRIPS / this.pairs) - 1);
			}
			done.await();
		}

	}

	/**
	 * A token goes round a ring of 100 actors, 100,000 hops: one message in flight, every turn
	 * handles one; the score is hops per second.
	 */
	public static class TokenRing extends OnOneSystem {

		@Param({ "libactors", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		private final Harness.Ref[] ring = new Harness.Ref[RING_ACTORS];

		private volatile CountDownLatch done;

		@Override
		void prepare() {
			for (int i = 0; i < RING_ACTORS; i++) {
				int next = (i + 1) % RING_ACTORS;
				this.ring[i] = this.harness.spawn("ring-" + i, (n) -> {
					if (n <= 0) {
						this.done.countDown();
					}
					else {
						this.ring[next].tell(n - 1);
					}
				});
			}
		}

		@Benchmark
		@OperationsPerInvocation(RING_HOPS)
		public void tokenRing() throws InterruptedException {
			CountDownLatch done = new CountDownLatch(1);
			this.done = done;
			this.ring[0].tell(RING_HOPS - 1);
			done.await();
		}

	}

	/**
	 * One sender tells every actor a number, round after round; a round trip ends once every
	 * actor has handled all of its rounds.
	 */
	abstract static class ToEveryActor extends OnOneSystem {

		private final List<Harness.Ref> actors = new ArrayList<>();

		private final AtomicInteger remaining = new AtomicInteger();

		private volatile CountDownLatch done;

		/** An actor that does {@code work} with each number and {@code lastly} after its last of a run. */
		void spawnCounting(String name, int rounds, IntConsumer work, Runnable lastly) {
			int[] received = new int[1];
			this.actors.add(this.harness.spawn(name, (n) -> {
				work.accept(n);
				if (++received[0] == rounds) {
					received[0] = 0;
					lastly.run();
					if (this.remaining.decrementAndGet() == 0) {
						this.done.countDown();
					}
				}
			}));
		}

		/** Tells every actor the numbers 0 to {@code rounds - 1}, each round to all of them, then waits. */
		void tellEveryActor(int rounds) throws InterruptedException {
			CountDownLatch done = new CountDownLatch(1);
			this.done = done;
			this.remaining.set(this.actors.size());
			for (int round = 0; round < rounds; round++) {
				for (Harness.Ref actor : this.actors) {
					actor.tell(round);
				}
			}
			done.await();
		}

	}

	/**
	 * One sender tells each of 60 actors 10,000 messages, round after round, and each message
	 * costs its actor a little computation (a sine); the score is messages per second, until the
	 * last actor has handled its last.
	 */
	@Fork(2)
	public static class ForkJoin extends ToEveryActor {

		@Param({ "libactors", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		/** Where the computations end up, so that the JIT cannot drop them. */
		volatile double sink;

		@Override
		void prepare() {
			for (int i = 0; i < FORK_JOIN_ACTORS; i++) {
				double[] sum = new double[1];
				spawnCounting("worker-" + i, FORK_JOIN_MESSAGES, (n) -> sum[0] += Math.sin(n * 0.001),
						() -> this.sink = sum[0]);
			}
		}

		@Benchmark
		@OperationsPerInvocation(FORK_JOIN_ACTORS * FORK_JOIN_MESSAGES)
		public void forkJoin() throws InterruptedException {
			tellEveryActor(FORK_JOIN_MESSAGES);
		}

	}

	/**
	 * One sender tells each of 10,000 actors 100 messages; the score is messages per second. Like
	 * {@link Tell}, it settles differently in each JVM, so it takes two forks.
	 */
	@Warmup(iterations = 2, time = 1)
	@Fork(2)
	public static class FanOut extends ToEveryActor {

		@Param({ "libactors", "spring", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		@Override
		void prepare() {
			for (int i = 0; i < FAN_OUT_ACTORS; i++) {
				spawnCounting("fan-" + i, FAN_OUT_ROUNDS, (n) -> {
				}, () -> {
				});
			}
		}

		@Benchmark
		@OperationsPerInvocation(FAN_OUT_ACTORS * FAN_OUT_ROUNDS)
		public void fanOut() throws InterruptedException {
			tellEveryActor(FAN_OUT_ROUNDS);
		}

	}

	/** A plain thread asks one actor and waits for each answer; the score is the latency. */
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public static class Ask extends OnOneSystem {

		@Param({ "libactors", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		private Harness.Asker asker;

		private int next;

		@Override
		void prepare() {
			this.asker = this.harness.asker("answerer");
		}

		@Benchmark
		public int ask() throws Exception {
			return this.asker.ask(this.next++);
		}

	}

	/** Creates 1,000 actors, then stops them and waits until all have stopped; score: actors/s. */
	public static class SpawnAndStop extends OnOneSystem {

		@Param({ "libactors", "spring", "pekko-default", "pekko-tuned", "bare" })
		public String system;

		@Override
		String system() {
			return this.system;
		}

		private long generation;

		@Benchmark
		@OperationsPerInvocation(SPAWNS)
		public void spawnAndStop() throws Exception {
			String prefix = "s" + (this.generation++) + "-";
			List<Harness.Ref> actors = new ArrayList<>(SPAWNS);
			for (int i = 0; i < SPAWNS; i++) {
				actors.add(this.harness.spawn(prefix + i, (n) -> {
				}));
			}
			this.harness.stop(actors);
		}

	}

}
