package io.aftercare.bench;

import java.time.Duration;

/**
 * The size of a load run, read from system properties so that a smaller run can be made
 * while working on the bench itself
 * ({@code -Dbench.customers=10000 -Dbench.tickets=100000}). The defaults are the volumes
 * the design promises to hold.
 *
 * @param customers customers seeded (besides the demo workspace)
 * @param tickets tickets seeded
 * @param csms CSM users the customers are spread over
 * @param samCustomers customers added to the demo user sam's book
 * @param commentsPerTicket comments seeded on each ticket
 * @param threads client threads of the concurrent phases
 * @param phaseLimit the longest any one phase may run
 */
record BenchSettings(int customers, int tickets, int csms, int samCustomers, int commentsPerTicket, int threads,
		Duration phaseLimit) {

	static BenchSettings fromSystemProperties() {
		return new BenchSettings(number("bench.customers", 100_000), number("bench.tickets", 1_000_000),
				number("bench.csms", 300), number("bench.samCustomers", 300), number("bench.commentsPerTicket", 2),
				number("bench.threads", 32), Duration.ofSeconds(number("bench.phaseSeconds", 30)));
	}

	private static int number(String name, int fallback) {
		String value = System.getProperty(name);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value.trim()) : fallback;
	}

	@Override
	public String toString() {
		return "%,d customers, %,d tickets, %d CSMs (+ sam with %d), %d comments per ticket, %d client threads, phases capped at %ds"
			.formatted(this.customers, this.tickets, this.csms, this.samCustomers, this.commentsPerTicket, this.threads,
					this.phaseLimit.toSeconds());
	}

}
