package io.libactors.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one run's JMH results and idle footprints into a markdown table: medians with their
 * errors, and libactors' ratios to Pekko tuned and to the bare limit. Arguments: the JMH JSON
 * file, the directory of footprint files, the markdown file to write.
 */
public final class Report {

	private static final List<String> SYSTEMS = List.of("libactors", "libactors-metrics", "libactors-tracing", "spring",
			"spring-metrics", "pekko-default", "pekko-tuned", "bare");

	private Report() {
	}

	public static void main(String[] args) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		Map<String, Map<String, Double>> values = new LinkedHashMap<>();
		for (JsonNode result : json.readTree(Path.of(args[0]).toFile())) {
			String benchmark = result.get("benchmark").asString();
			String system = result.get("params").get("system").asString();
			JsonNode metric = result.get("primaryMetric");
			if (benchmark.endsWith(".ask")) {
				add(rows, values, "ask p50 (µs, lower is better)", system,
						number(metric.get("scorePercentiles").get("50.0")), null);
				add(rows, values, "ask p99.9 (µs, lower is better)", system,
						number(metric.get("scorePercentiles").get("99.9")), null);
			}
			else {
				add(rows, values, label(benchmark, result.get("params")), system,
						number(metric.get("scorePercentiles").get("50.0")), number(metric.get("scoreError")));
			}
		}
		try (Stream<Path> files = Files.list(Path.of(args[1]))) {
			for (Path file : files.filter((path) -> path.getFileName().toString().startsWith("idle-")).toList()) {
				JsonNode idle = json.readTree(file.toFile());
				String system = idle.get("system").asString();
				add(rows, values, "heap per idle actor (bytes, 100k actors)", system, number(idle.get("bytesPerActor")),
						null);
				add(rows, values, "heap per idle actor that has handled one message (bytes, 100k actors)", system,
						number(idle.get("bytesPerActorAfterMail")), null);
				add(rows, values, "CPU while 100k actors idle (% of one core)", system,
						number(idle.get("idleCpuPercent")), null);
			}
		}
		StringBuilder table = new StringBuilder("| workload | ");
		table.append(String.join(" | ", SYSTEMS)).append(" | libactors / pekko-tuned | libactors / bare |\n|---|");
		table.append("---:|".repeat(SYSTEMS.size() + 2)).append('\n');
		rows.forEach((workload, cells) -> {
			table.append("| ").append(workload).append(" | ");
			for (String system : SYSTEMS) {
				table.append(cells.getOrDefault(system, "")).append(" | ");
			}
			Map<String, Double> numbers = values.get(workload);
			table.append(ratio(numbers, "pekko-tuned")).append(" | ").append(ratio(numbers, "bare")).append(" |\n");
		});
		Files.writeString(Path.of(args[2]), table.toString());
		System.out.print(table);
	}

	/** JMH writes numbers it could not compute, such as an error of one iteration, as "NaN". */
	private static double number(JsonNode node) {
		return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asString());
	}

	private static String label(String benchmark, JsonNode params) {
		if (benchmark.endsWith(".tell")) {
			return "tell, 1 sender → 1 actor (msg/s)";
		}
		if (benchmark.endsWith(".pingPong")) {
			String pairs = params.get("pairs").asString();
			return "ping-pong, " + pairs + ("1".equals(pairs) ? " pair" : " pairs") + " at once (round trips/s)";
		}
		if (benchmark.endsWith(".tokenRing")) {
			return "token ring, 100 actors (hops/s)";
		}
		if (benchmark.endsWith(".forkJoin")) {
			return "fork-join, 1 sender → 60 actors × 10k, a sine each (msg/s)";
		}
		if (benchmark.endsWith(".fanOut")) {
			return "fan-out, 1 sender → 10k actors × 100 (msg/s)";
		}
		if (benchmark.endsWith(".spawnAndStop")) {
			return "spawn + stop (actors/s)";
		}
		return benchmark;
	}

	private static void add(Map<String, Map<String, String>> rows, Map<String, Map<String, Double>> values,
			String workload, String system, double value, Double error) {
		String text = format(value) + ((error != null && !error.isNaN()) ? " ± " + format(error) : "");
		rows.computeIfAbsent(workload, (key) -> new LinkedHashMap<>()).put(system, text);
		values.computeIfAbsent(workload, (key) -> new LinkedHashMap<>()).put(system, value);
	}

	private static String ratio(Map<String, Double> numbers, String other) {
		Double ours = numbers.get("libactors");
		Double theirs = numbers.get(other);
		return (ours == null || theirs == null || theirs == 0) ? "" : String.format(Locale.ROOT, "%.2f×", ours / theirs);
	}

	private static String format(double value) {
		if (value >= 1_000_000) {
			return String.format(Locale.ROOT, "%.2f M", value / 1_000_000);
		}
		if (value >= 10_000) {
			return String.format(Locale.ROOT, "%.0f k", value / 1_000);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
