package io.aftercare.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of one phase: throughput, latency percentiles (nearest rank) and the
 * statuses answered. Any status the phase does not expect counts as an error.
 *
 * @param phase the phase run
 * @param elapsed wall time of the phase
 * @param requests requests answered or failed
 * @param statuses how many times each status was answered ({@code -1}: no response)
 * @param errors requests with a status the phase does not expect
 * @param firstFailure the first unexpected answer, or {@code null}
 * @param p50 median latency
 * @param p95 95th percentile latency
 * @param p99 99th percentile latency
 * @param max slowest request
 */
record PhaseResult(Phase phase, Duration elapsed, int requests, Map<Integer, Integer> statuses, int errors,
		String firstFailure, Duration p50, Duration p95, Duration p99, Duration max) {

	static final String TABLE_HEADER = """
			| phase | request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | statuses |
			|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|""";

	static PhaseResult of(Phase phase, Duration elapsed, List<LoadDriver.Recorder> recorders) {
		long[] latencies = recorders.stream()
			.map(LoadDriver.Recorder::latencies)
			.flatMapToLong(Arrays::stream)
			.sorted()
			.toArray();
		Map<Integer, Integer> statuses = new TreeMap<>();
		recorders
			.forEach((recorder) -> recorder.statuses().forEach((status, n) -> statuses.merge(status, n, Integer::sum)));
		int errors = statuses.entrySet()
			.stream()
			.filter((entry) -> !phase.expected().contains(entry.getKey()))
			.mapToInt(Map.Entry::getValue)
			.sum();
		String firstFailure = recorders.stream()
			.map(LoadDriver.Recorder::firstFailure)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new PhaseResult(phase, elapsed, latencies.length, statuses, errors, firstFailure,
				percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99),
				percentile(latencies, 1.0));
	}

	private static Duration percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Duration.ZERO;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
	}

	double throughput() {
		return this.requests / (this.elapsed.toNanos() / 1e9);
	}

	String row() {
		String statusCounts = this.statuses.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "×" + entry.getValue())
			.collect(Collectors.joining(", "));
		return "| %s | %s | %d | %,d | %d | %.0f | %s | %s | %s | %s | %s |".formatted(this.phase.name(),
				this.phase.what(), this.phase.threads(), this.requests, this.errors, throughput(), millis(this.p50),
				millis(this.p95), millis(this.p99), millis(this.max), statusCounts);
	}

	private static String millis(Duration duration) {
		double ms = duration.toNanos() / 1e6;
		return (ms < 10) ? "%.1f".formatted(ms) : "%.0f".formatted(ms);
	}

}
