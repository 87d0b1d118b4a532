package io.aftercare.bench;

import java.time.Duration;

/** One set-based statement of the seed: how many rows it wrote and how long it took. */
record SeedStep(String name, long rows, Duration took) {

	String row() {
		return "| %s | %,d | %.1f |".formatted(this.name, this.rows, this.took.toMillis() / 1000.0);
	}

}
