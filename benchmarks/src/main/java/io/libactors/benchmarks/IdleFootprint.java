package io.libactors.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * What idle actors cost: heap per actor (100,000 of them, measured after full collections),
 * first as made, then again after each has handled one message (as an application's accounts,
 * sessions and devices all have), and the CPU the process burns while they sit idle. One system
 * per JVM, so that none pays for another's leftovers. Writes one JSON object to the file named by
 * its second argument.
 */
public final class IdleFootprint {

	static final int ACTORS = 100_000;

	/** Messages handled by every actor of the run; a static field, so no behaviour captures state. */
	private static final AtomicInteger HANDLED = new AtomicInteger();

	private IdleFootprint() {
	}

	public static void main(String[] args) throws Exception {
		String system = args[0];
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (Harness harness = Harness.of(system)) {
			Harness.Ref warmUp = harness.spawn("warm-up", (n) -> HANDLED.incrementAndGet());
			warmUp.tell(0);
			awaitHandled(1);
			long before = usedAfterGc(memory);
			List<Harness.Ref> actors = new ArrayList<>(ACTORS);
			for (int i = 0; i < ACTORS; i++) {
				actors.add(harness.spawn("idle-" + i, (n) -> HANDLED.incrementAndGet()));
			}
			TimeUnit.SECONDS.sleep(1);
			long made = usedAfterGc(memory);
			for (Harness.Ref actor : actors) {
				actor.tell(1);
			}
			awaitHandled(1 + ACTORS);
			TimeUnit.SECONDS.sleep(1);
			long handled = usedAfterGc(memory);
			long cpuBefore = processCpuNanos();
			long wallBefore = System.nanoTime();
			TimeUnit.SECONDS.sleep(3);
			double cpuShare = (double) (processCpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("system", system);
			result.put("actors", actors.size());
			result.put("bytesPerActor", (made - before) / (double) ACTORS);
			result.put("bytesPerActorAfterMail", (handled - before) / (double) ACTORS);
			result.put("idleCpuPercent", 100 * cpuShare);
			Files.writeString(Path.of(args[1]), JsonMapper.builder().build().writeValueAsString(result));
			System.out.println(result);
		}
		System.exit(0);
	}

	private static void awaitHandled(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (HANDLED.get() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + HANDLED.get() + " of " + count + " messages handled");
			}
			TimeUnit.MILLISECONDS.sleep(10);
		}
	}

	private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			TimeUnit.MILLISECONDS.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
