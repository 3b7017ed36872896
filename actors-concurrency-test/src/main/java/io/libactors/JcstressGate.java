package io.libactors;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs jcstress and fails unless every test ran and passed. jcstress exits 0 with "FATAL" when
 * it cannot schedule a test (more actors than CPUs), which would let a build pass having run
 * nothing: this gate fails on "FATAL", on zero results, and on jcstress's own failure.
 * Arguments: the jcstress mode ({@code sanity}, {@code quick}, ...) and a results directory.
 */
public final class JcstressGate {

	private static final Pattern RESULTS = Pattern.compile("Results: (\\d+) planned; (\\d+) passed, (\\d+) failed");

	private JcstressGate() {
	}

	public static void main(String[] args) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"org.openjdk.jcstress.Main", "-m", args[0], "-r", args[1], "-t", "io\\.libactors\\..*"))
			.redirectErrorStream(true)
			.start();
		boolean fatal = false;
		int passed = -1;
		int failed = -1;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				System.out.println(line);
				fatal |= line.contains("FATAL");
				Matcher results = RESULTS.matcher(line);
				if (results.find()) {
					passed = Integer.parseInt(results.group(2));
					failed = Integer.parseInt(results.group(3));
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || fatal || passed <= 0 || failed != 0) {
			System.err.println("jcstress gate: exit " + exit + (fatal ? ", FATAL in the output" : "") + ", " + passed
					+ " passed, " + failed + " failed: the concurrency tests did not all run and pass.");
			System.exit(1);
		}
		System.out.println("jcstress gate: " + passed + " tests passed.");
	}

}
