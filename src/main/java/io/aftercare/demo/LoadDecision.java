package io.aftercare.demo;

import io.aftercare.demo.DemoProperties.Load;

/**
 * Whether to load the demo workspace at start-up, or why not. Never into a database that
 * holds data; on {@link Load#AUTO} only into the embedded H2 of a first local start.
 */
enum LoadDecision {

	LOAD,

	/** {@code aftercare.demo.load} is {@code never}. */
	DISABLED,

	/** Customers or users exist: the demo never mixes with real data. */
	DATABASE_NOT_EMPTY,

	/** An empty production database, which gets the demo only when asked explicitly. */
	NOT_EMBEDDED_DATABASE;

	static LoadDecision decide(Load load, TargetDatabase database) {
		if (load == Load.NEVER) {
			return DISABLED;
		}
		if (!database.empty()) {
			return DATABASE_NOT_EMPTY;
		}
		if (load == Load.AUTO && !database.embeddedH2()) {
			return NOT_EMBEDDED_DATABASE;
		}
		return LOAD;
	}

}
