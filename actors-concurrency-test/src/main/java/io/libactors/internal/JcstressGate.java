package io.libactors.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs jcstress and fails unless every test ran and passed, and every {@code Broken*} test (a
 * deliberately broken mailbox) was caught showing a forbidden outcome. jcstress exits 0 with
 * "FATAL" when it cannot schedule a test (more actors than CPUs), which would let a build pass
 * having run nothing: this gate fails on "FATAL", on zero results and on errors.
 * Arguments: the jcstress mode ({@code sanity}, {@code quick}, ...) and a results directory.
 */
public final class JcstressGate {

	private static final Pattern RESULTS = Pattern
		.compile("Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs");

	private static final Pattern FAILED = Pattern.compile("\\[FAILED\\] io\\.libactors\\.internal\\.(\\w+)");

	private static final Pattern FORBIDDEN_SEEN = Pattern.compile("^\\s+\\S.*?\\s+([1-9]\\d*)\\s+[\\d.]+%\\s+Forbidden");

	private JcstressGate() {
	}

	public static void main(String[] args) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"org.openjdk.jcstress.Main", "-m", args[0], "-r", args[1], "-t", "io\\.libactors\\..*"))
			.redirectErrorStream(true)
			.start();
		boolean fatal = false;
		int[] results = null;
		String failing = null;
		int brokenFailures = 0;
		long brokenCaught = 0;
		Set<String> realFailures = new TreeSet<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				System.out.println(line);
				fatal |= line.contains("FATAL");
				Matcher summary = RESULTS.matcher(line);
				if (summary.find()) {
					results = new int[] { Integer.parseInt(summary.group(2)), Integer.parseInt(summary.group(3)),
							Integer.parseInt(summary.group(4)) + Integer.parseInt(summary.group(5)) };
				}
				Matcher failed = FAILED.matcher(line);
				if (failed.find()) {
					failing = failed.group(1);
					if (failing.startsWith("Broken")) {
						brokenFailures++;
					}
					else {
						realFailures.add(failing);
					}
				}
				Matcher forbidden = FORBIDDEN_SEEN.matcher(line);
				if (forbidden.find() && failing != null && failing.startsWith("Broken")) {
					brokenCaught += Long.parseLong(forbidden.group(1));
				}
			}
		}
		int exit = process.waitFor();
		boolean ran = results != null && results[0] > 0;
		// every failure jcstress counts must be a broken mailbox's (their names also head the final summary)
		boolean passed = ran && !fatal && results[2] == 0 && realFailures.isEmpty() && (exit == 0 || brokenFailures > 0);
		if (!passed || brokenCaught == 0) {
			System.err.println("jcstress gate: exit " + exit + (fatal ? ", FATAL in the output" : "")
					+ ((results != null) ? ", " + results[0] + " passed, " + results[1] + " failed, " + results[2]
							+ " errors" : ", no results")
					+ (realFailures.isEmpty() ? "" : ", failing: " + realFailures)
					+ ((brokenCaught == 0) ? ", and the broken mailbox was never caught" : "")
					+ ": the concurrency tests did not all run and pass.");
			System.exit(1);
		}
		System.out.println("jcstress gate: " + results[0] + " results passed; the broken mailbox showed its "
				+ "forbidden outcome and failed " + results[1] + " configurations, as it must.");
	}

}
