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

import tools.jackson.databind.json.JsonMapper;

/**
 * What idle actors cost: heap per actor (100,000 of them, measured after full collections) and
 * the CPU the process burns while they sit idle. One system per JVM, so that none pays for
 * another's leftovers. Writes one JSON object to the file named by its second argument.
 */
public final class IdleFootprint {

	static final int ACTORS = 100_000;

	private IdleFootprint() {
	}

	public static void main(String[] args) throws Exception {
		String system = args[0];
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (Harness harness = Harness.of(system)) {
			harness.spawn("warm-up", (n) -> {
			});
			long before = usedAfterGc(memory);
			List<Harness.Ref> actors = new ArrayList<>(ACTORS);
			for (int i = 0; i < ACTORS; i++) {
				actors.add(harness.spawn("idle-" + i, (n) -> {
				}));
			}
			TimeUnit.SECONDS.sleep(1);
			long after = usedAfterGc(memory);
			long cpuBefore = processCpuNanos();
			long wallBefore = System.nanoTime();
			TimeUnit.SECONDS.sleep(3);
			double cpuShare = (double) (processCpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("system", system);
			result.put("actors", actors.size());
			result.put("bytesPerActor", (after - before) / (double) ACTORS);
			result.put("idleCpuPercent", 100 * cpuShare);
			Files.writeString(Path.of(args[1]), JsonMapper.builder().build().writeValueAsString(result));
			System.out.println(result);
		}
		System.exit(0);
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
