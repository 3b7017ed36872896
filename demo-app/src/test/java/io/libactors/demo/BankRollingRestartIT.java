package io.libactors.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three bank instances in their own JVMs (the packaged jar) form a cluster on loopback; while
 * transfers run through all three (up to 1,000 a second), each instance in turn is drained like a load balancer would,
 * sent SIGTERM, and started again. Every transfer the bank accepted is applied exactly once:
 * each account ends with its opening balance plus what it was sent minus what it sent, and the
 * total is what it was. Every process this test starts is recorded and reaped.
 */
class BankRollingRestartIT {

	private static final int ACCOUNTS = 40;

	private static final long OPENING = 100_000;

	/** Transfers a second the driver sends at most. */
	private static final long RATE = 300;

	private final String cluster = "bank-it-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<Process> processes = new CopyOnWriteArrayList<>();

	/** One bank process on its port, and the requests on their way to it. */
	record Bank(int port, Process process, AtomicInteger inFlight) {
	}

	@AfterEach
	void reap() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor(60, TimeUnit.SECONDS);
			assertThat(process.isAlive()).as("pid %d reaped", process.pid()).isFalse();
		}
	}

	private Bank start(int port, int generation) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Path.of("target", "bank-" + port + "-" + generation + ".log");
		Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "target/demo-app-0.1.0-SNAPSHOT.jar",
				"--server.port=" + port, "--actors.cluster.enabled=true", "--actors.cluster.name=" + this.cluster,
				"--bank.load.on-start=false", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.processes.add(process);
		return new Bank(port, process, new AtomicInteger());
	}

	private final long began = System.nanoTime();

	private final List<String> timeline = new CopyOnWriteArrayList<>();

	/** What happened when, in the report the test leaves in target/. */
	private void note(String what) {
		this.timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - this.began) / 1e9, what));
	}

	private void awaitUp(Bank bank) {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			assertThat(bank.process().isAlive()).as("bank on port %d is running", bank.port()).isTrue();
			HttpResponse<String> health = get(bank, "/actuator/health");
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		});
	}

	private HttpResponse<String> get(Bank bank, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bank.port() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest post(Bank bank, String path, String json) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bank.port() + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void aRollingRestartUnderTransfersAppliesEveryAcceptedTransferExactlyOnce() throws Exception {
		List<Bank> banks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			banks.add(start(freePort(), 0));
		}
		banks.forEach(this::awaitUp);
		note("3 banks up");
		for (int i = 0; i < ACCOUNTS; i++) {
			HttpResponse<String> opened = this.http.send(
					post(banks.get(i % 3), "/accounts", "{\"id\":\"a" + i + "\",\"initialDeposit\":" + OPENING + "}"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		}

		List<Bank> up = new CopyOnWriteArrayList<>(banks);
		Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
		for (int i = 0; i < ACCOUNTS; i++) {
			expected.put("a" + i, new AtomicLong(OPENING));
		}
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		List<String> failures = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Semaphore inFlight = new Semaphore(64);
		Thread driver = new Thread(() -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long started = System.nanoTime();
			long sent = 0;
			while (running.get()) {
				// up to 300 transfers a second (fewer when the machine is slower): on 2 cores that
				// leaves the restarting JVM room to start
				long due = (System.nanoTime() - started) * RATE / 1_000_000_000L;
				if (sent >= due) {
					Thread.onSpinWait();
					continue;
				}
				if (!inFlight.tryAcquire()) {
					continue;
				}
				sent++;
				Bank bank = up.get(random.nextInt(up.size()));
				String from = "a" + random.nextInt(ACCOUNTS);
				String to = "a" + ((Integer.parseInt(from.substring(1)) + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
				long amount = 1 + random.nextInt(500);
				bank.inFlight().incrementAndGet();
				this.http
					.sendAsync(post(bank, "/transfers",
							"{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":" + amount + "}"),
							HttpResponse.BodyHandlers.ofString())
					.whenComplete((response, failure) -> {
						if (failure != null) {
							failures.add(failure.toString());
						}
						else if (response.statusCode() == 200) {
							expected.get(from).addAndGet(-amount);
							expected.get(to).addAndGet(amount);
							accepted.incrementAndGet();
						}
						else if (response.statusCode() == 409) {
							refused.incrementAndGet();
						}
						else {
							failures.add(response.statusCode() + " " + response.body());
						}
						bank.inFlight().decrementAndGet();
						inFlight.release();
					});
			}
		}, "transfer-driver");
		driver.start();

		for (int i = 0; i < 3; i++) {
			Bank leaving = banks.get(i);
			long before = accepted.get();
			await().atMost(Duration.ofSeconds(120)).until(() -> accepted.get() > before + 500);
			// drained like a load balancer would: no new requests, and those on their way answered
			up.remove(leaving);
			await().atMost(Duration.ofSeconds(120)).until(() -> leaving.inFlight().get() == 0);
			note("bank " + i + " drained, SIGTERM; accepted so far " + accepted.get());
			leaving.process().destroy(); // SIGTERM
			assertThat(leaving.process().waitFor(120, TimeUnit.SECONDS)).as("pid %d exits on SIGTERM",
					leaving.process().pid()).isTrue();
			note("bank " + i + " exited");
			Bank again = start(leaving.port(), i + 1);
			awaitUp(again);
			note("bank " + i + " up again");
			banks.set(i, again);
			up.add(again);
		}
		long before = accepted.get();
		await().atMost(Duration.ofSeconds(120)).until(() -> accepted.get() > before + 500);
		running.set(false);
		driver.join(60_000);
		assertThat(inFlight.tryAcquire(64, 120, TimeUnit.SECONDS)).as("every transfer answered").isTrue();

		note("driver stopped; accepted " + accepted.get());
		Files.write(Path.of("target", "rolling-restart.txt"), this.timeline);
		assertThat(failures).isEmpty();
		// the last credits may still be on their way between accounts
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			long total = 0;
			for (int i = 0; i < ACCOUNTS; i++) {
				String id = "a" + i;
				long balance = ((Number) JsonPath.read(get(banks.get(i % 3), "/accounts/" + id).body(), "$.balance"))
					.longValue();
				assertThat(balance).as("balance of %s", id).isEqualTo(expected.get(id).get());
				total += balance;
			}
			assertThat(total).isEqualTo(ACCOUNTS * OPENING);
		});
		note("accepted " + accepted.get() + ", refused " + refused.get() + ", failed " + failures.size()
				+ ", every balance as expected");
		Files.write(Path.of("target", "rolling-restart.txt"), this.timeline);
	}

}
