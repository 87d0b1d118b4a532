package io.aftercare.demo;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo workspace on a first start, as {@code aftercare.demo.load} allows. Runs
 * after the account module's first admin is created from the environment: an operator who
 * set one up has a production start in mind, and the database is no longer empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoWorkspaceStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkspaceStartup.class);

	private final DemoWorkspace workspace;

	private final DemoProperties properties;

	private final DataSource dataSource;

	DemoWorkspaceStartup(DemoWorkspace workspace, DemoProperties properties, DataSource dataSource) {
		this.workspace = workspace;
		this.properties = properties;
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) {
		TargetDatabase database = TargetDatabase.of(this.dataSource, this.workspace.isDatabaseEmpty());
		switch (LoadDecision.decide(this.properties.load(), database)) {
			case DISABLED -> log.debug("Demo workspace not loaded: aftercare.demo.load is 'never'.");
			case DATABASE_NOT_EMPTY -> log.debug("Demo workspace not loaded: the database already holds data.");
			case NOT_EMBEDDED_DATABASE -> log.info(
					"Demo workspace not loaded: this empty {} database is not the "
							+ "embedded H2 of a local start. To load the demo into it anyway, start once with "
							+ "AFTERCARE_DEMO_LOAD=always (property aftercare.demo.load=always).",
					database.productName());
			case LOAD -> load(database);
		}
	}

	private void load(TargetDatabase database) {
		this.workspace.loadIntoEmptyDatabase().ifPresentOrElse((loaded) -> {
			log.info(loaded.summary());
			if (!database.embeddedH2()) {
				log.warn("The demo users sign in with the password '{}' on this {} database. Use it for demos only.",
						DemoData.PASSWORD, database.productName());
			}
		}, () -> log.info("Demo workspace not loaded: the database received data while starting."));
	}

}
