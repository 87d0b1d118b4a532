package io.aftercare.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code EXPLAIN (ANALYZE, BUFFERS)} for one query of the app, with what a
 * reader looks for first: the time, and how each table was reached.
 *
 * @param name which query of which class
 * @param parameters the values it ran with
 * @param lines the plan as PostgreSQL prints it
 */
record QueryPlan(String name, String parameters, List<String> lines) {

	private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

	private static final Pattern ACCESS = Pattern
		.compile("(Seq Scan on \\w+|Index Only Scan(?: Backward)? using \\w+|Index Scan(?: Backward)? using \\w+|"
				+ "Bitmap Index Scan on \\w+)");

	double executionMillis() {
		return this.lines.stream()
			.map(EXECUTION::matcher)
			.filter(Matcher::find)
			.mapToDouble((m) -> Double.parseDouble(m.group(1)))
			.findFirst()
			.orElse(Double.NaN);
	}

	/**
	 * Each distinct way a table was read: "Index Scan using tickets_by_customer_opened".
	 */
	Set<String> accessPaths() {
		Set<String> paths = new LinkedHashSet<>();
		for (String line : this.lines) {
			Matcher matcher = ACCESS.matcher(line);
			while (matcher.find()) {
				paths.add(matcher.group(1));
			}
		}
		return paths;
	}

	String row() {
		return "| %s | %s | %.2f | %s |".formatted(this.name, this.parameters, executionMillis(),
				String.join("; ", accessPaths()));
	}

	String text() {
		return "-- " + this.name + " (" + this.parameters + ")\n" + String.join("\n", this.lines);
	}

}
