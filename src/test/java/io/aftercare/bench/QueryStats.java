package io.aftercare.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the database time of a phase went, from {@code pg_stat_statements} (loaded at
 * server start): reset before the phase, read after it.
 */
final class QueryStats {

	private final JdbcClient jdbc;

	QueryStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enable() {
		this.jdbc.sql("create extension if not exists pg_stat_statements").update();
	}

	void reset() {
		this.jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
	}

	/** All statements since the last reset, this bench's own excepted. */
	Totals totals() {
		return this.jdbc.sql("""
				select coalesce(sum(calls), 0) as calls, coalesce(sum(total_exec_time), 0) as millis
				from pg_stat_statements where query not like '%pg_stat_statements%'
				""").query((rs, i) -> new Totals(rs.getLong("calls"), rs.getDouble("millis"))).single();
	}

	/**
	 * The statements that took the most time since the last reset; those run only a few
	 * times (the driver's type lookups on a new connection) left out.
	 */
	List<Statement> top(int count) {
		return this.jdbc.sql("""
				select query, calls, total_exec_time, rows from pg_stat_statements
				where query not like '%pg_stat_statements%' and calls >= 10
				order by total_exec_time desc limit :count
				""")
			.param("count", count)
			.query((rs, i) -> new Statement(rs.getString("query"), rs.getLong("calls"), rs.getDouble("total_exec_time"),
					rs.getLong("rows")))
			.list();
	}

	/** How many statements ran and how long they took in the server, in all. */
	record Totals(long calls, double millis) {

		static final String TABLE_HEADER = """
				| phase | requests | statements per request | database ms per request |
				|---|---:|---:|---:|""";

		String row(PhaseResult result) {
			int requests = Math.max(1, result.requests());
			return "| %s | %,d | %.1f | %.2f |".formatted(result.phase().name(), result.requests(),
					(double) this.calls / requests, this.millis / requests);
		}

	}

	/** One normalized statement and its totals. */
	record Statement(String query, long calls, double totalMillis, long rows) {

		static final String TABLE_HEADER = """
				| statement | calls | calls per request | mean ms | total ms | rows per call |
				|---|---:|---:|---:|---:|---:|""";

		String row(int requests) {
			String text = this.query.replaceAll("\\s+", " ").trim().replace("|", "\\|");
			if (text.length() > 110) {
				text = text.substring(0, 107) + "...";
			}
			return "| `%s` | %,d | %.1f | %.3f | %,.0f | %.1f |".formatted(text, this.calls,
					(double) this.calls / Math.max(1, requests), this.totalMillis / Math.max(1, this.calls),
					this.totalMillis, (double) this.rows / Math.max(1, this.calls));
		}

	}

}
