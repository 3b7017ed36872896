package io.libactors.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sender tells one actor a million messages; the score is messages per second, the last
 * one handled included. Each message really goes through the mailbox and is counted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TellBenchmark {

	static final int MESSAGES = 1_000_000;

	record Count(int n) implements Message {
	}

	static final class Counter implements Actor {

		volatile CountDownLatch done;

		int received;

		@MessageHandler
		void onCount(Count count) {
			if (++this.received == MESSAGES) {
				this.received = 0;
				this.done.countDown();
			}
		}

	}

	private Core core;

	private Counter counter;

	private ActorProxy<Counter> proxy;

	private ForkJoinPool pool;

	private BareActor<Count> bare;

	private int bareReceived;

	private volatile CountDownLatch bareDone;

	private final Count message = new Count(1);

	@Setup(Level.Trial)
	public void setUp() {
		this.core = Core.create();
		this.counter = new Counter();
		this.proxy = this.core.createActor("counter", this.counter);
		this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
				ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
		this.bare = new BareActor<>(this.pool, (count) -> {
			if (++this.bareReceived == MESSAGES) {
				this.bareReceived = 0;
				this.bareDone.countDown();
			}
		});
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.core.shutdown(Duration.ofSeconds(10));
		this.pool.shutdown();
	}

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public void libactors() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		this.counter.done = done;
		for (int i = 0; i < MESSAGES; i++) {
			this.proxy.tell(this.message);
		}
		done.await();
	}

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public void bareLimit() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		this.bareDone = done;
		for (int i = 0; i < MESSAGES; i++) {
			this.bare.tell(this.message);
		}
		done.await();
	}

}
