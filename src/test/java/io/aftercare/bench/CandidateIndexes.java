package io.aftercare.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indexes the app does not have, tried on the bench database only after the measured
 * phases, so that the query plans can be compared before and after. None of them is a
 * migration: {@code docs/performance.md} says which ones are worth one.
 */
final class CandidateIndexes {

	/** What each index is for, and its DDL. */
	record Candidate(String purpose, String ddl) {
	}

	/**
	 * None at the moment: the trigram indexes tried here became migration V44
	 * ({@code db/vendor/postgresql}). Add a candidate to see its plans before and after.
	 */
	static final List<Candidate> ALL = List.of();

	private final JdbcClient jdbc;

	CandidateIndexes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create() {
		System.out.println("| candidate | DDL | seconds |\n|---|---|---:|");
		for (Candidate candidate : ALL) {
			long started = System.nanoTime();
			this.jdbc.sql(candidate.ddl()).update();
			System.out.printf("| %s | `%s` | %.1f |%n", candidate.purpose(), candidate.ddl(),
					(System.nanoTime() - started) / 1e9);
		}
		this.jdbc.sql("analyze tickets, reminders, customers").update();
	}

}
