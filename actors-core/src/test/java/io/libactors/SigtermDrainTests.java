package io.libactors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM that gets SIGTERM with 50,000 messages queued drains them in its shutdown hook and
 * accounts for every one. The workers wait at a gate that the hook opens, so the mail is
 * certainly still queued at SIGTERM without burning CPU to keep it there.
 */
class SigtermDrainTests {

	record Job(int n) implements Message {
	}

	static class Worker implements Actor {

		final CountDownLatch gate;

		final AtomicLong handled;

		Worker(CountDownLatch gate, AtomicLong handled) {
			this.gate = gate;
			this.handled = handled;
		}

		@MessageHandler
		void onJob(Job job) throws InterruptedException {
			this.gate.await();
			this.handled.incrementAndGet();
		}

	}

	/** The forked JVM: queues the work, says so, and drains in its shutdown hook. */
	public static void main(String[] args) throws Exception {
		Core core = Core.create();
		CountDownLatch gate = new CountDownLatch(1);
		AtomicLong handled = new AtomicLong();
		List<ActorProxy<Worker>> workers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			workers.add(core.createActor("worker-" + i, new Worker(gate, handled)));
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			gate.countDown();
			boolean drained = core.shutdown(Duration.ofSeconds(60));
			System.out.println("drained=" + drained + " handled=" + handled.get() + " deadLetters="
					+ core.deadLetterCount());
			System.out.flush();
		}));
		for (int n = 0; n < 50_000; n++) {
			workers.get(n % 10).tell(new Job(n));
		}
		System.out.println("queued " + workers.stream().mapToInt(ActorProxy::mailboxSize).sum());
		System.out.flush();
		Thread.sleep(60_000);
	}

	@Test
	void sigtermWithFiftyThousandQueuedDrainsAndAccountsForEveryMessage(@TempDir Path directory) throws Exception {
		Path log = directory.resolve("forked.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Output to a file: Process.destroy() closes the pipes, and the hook's line comes after it.
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				SigtermDrainTests.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("queued "));
			process.destroy();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(log);
		String queued = lines.stream().filter((line) -> line.startsWith("queued ")).findFirst().orElseThrow();
		assertThat(Integer.parseInt(queued.substring("queued ".length()))).as("still queued at SIGTERM").isPositive();
		assertThat(lines).contains("drained=true handled=50000 deadLetters=0");
	}

}
