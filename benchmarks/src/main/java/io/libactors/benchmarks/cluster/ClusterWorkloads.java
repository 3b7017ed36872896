package io.libactors.benchmarks.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 * Entities on the other two of three instances, reached from the first: the round trip of an
 * ask, and tells from one sender counted where they arrive (a window of 1,000, so that no system
 * is measured dropping what it cannot take).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClusterWorkloads {

	/** Tells sent per invocation, then counted until all have arrived. */
	static final int WINDOW = 1_000;

	@Param({ "libactors", "pekko" })
	public String system;

	private ClusterHarness cluster;

	private List<String> entities;

	private int next;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.cluster = ClusterHarness.of(this.system);
		this.entities = this.cluster.remoteEntities(100);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.cluster.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public int ask() throws Exception {
		int n = this.next++;
		return this.cluster.ask(this.entities.get(Math.floorMod(n, this.entities.size())), n);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@OperationsPerInvocation(WINDOW)
	public void tells() {
		long target = this.cluster.received() + WINDOW;
		for (int i = 0; i < WINDOW; i++) {
			int n = this.next++;
			this.cluster.tell(this.entities.get(Math.floorMod(n, this.entities.size())), n);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (this.cluster.received() < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.system + ": " + (target - this.cluster.received())
						+ " of " + WINDOW + " tells did not arrive within 60 s");
			}
			LockSupport.parkNanos(20_000);
		}
	}

}
