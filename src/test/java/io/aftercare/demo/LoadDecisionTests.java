package io.aftercare.demo;

import io.aftercare.demo.DemoProperties.Load;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDecisionTests {

	static final TargetDatabase EMPTY_H2_FILE = new TargetDatabase("H2",
			"jdbc:h2:file:./data/aftercare;MODE=PostgreSQL", true);

	static final TargetDatabase EMPTY_H2_MEMORY = new TargetDatabase("H2", "jdbc:h2:mem:aftercare", true);

	static final TargetDatabase EMPTY_POSTGRES = new TargetDatabase("PostgreSQL",
			"jdbc:postgresql://db.internal:5432/aftercare", true);

	static final TargetDatabase FILLED_H2 = new TargetDatabase("H2", "jdbc:h2:file:./data/aftercare", false);

	static final TargetDatabase FILLED_POSTGRES = new TargetDatabase("PostgreSQL",
			"jdbc:postgresql://db.internal:5432/aftercare", false);

	@Test
	void autoLoadsIntoAnEmptyEmbeddedH2() {
		assertThat(LoadDecision.decide(Load.AUTO, EMPTY_H2_FILE)).isEqualTo(LoadDecision.LOAD);
		assertThat(LoadDecision.decide(Load.AUTO, EMPTY_H2_MEMORY)).isEqualTo(LoadDecision.LOAD);
	}

	@Test
	void autoLeavesAnEmptyPostgresAlone() {
		assertThat(LoadDecision.decide(Load.AUTO, EMPTY_POSTGRES)).isEqualTo(LoadDecision.NOT_EMBEDDED_DATABASE);
	}

	@Test
	void autoTreatsAnH2ServerAsProduction() {
		var server = new TargetDatabase("H2", "jdbc:h2:tcp://db.internal:9092/aftercare", true);
		assertThat(LoadDecision.decide(Load.AUTO, server)).isEqualTo(LoadDecision.NOT_EMBEDDED_DATABASE);
	}

	@Test
	void alwaysLoadsIntoAnyEmptyDatabase() {
		assertThat(LoadDecision.decide(Load.ALWAYS, EMPTY_POSTGRES)).isEqualTo(LoadDecision.LOAD);
		assertThat(LoadDecision.decide(Load.ALWAYS, EMPTY_H2_FILE)).isEqualTo(LoadDecision.LOAD);
	}

	@Test
	void neverLoadsIntoADatabaseThatHoldsData() {
		assertThat(LoadDecision.decide(Load.AUTO, FILLED_H2)).isEqualTo(LoadDecision.DATABASE_NOT_EMPTY);
		assertThat(LoadDecision.decide(Load.ALWAYS, FILLED_H2)).isEqualTo(LoadDecision.DATABASE_NOT_EMPTY);
		assertThat(LoadDecision.decide(Load.ALWAYS, FILLED_POSTGRES)).isEqualTo(LoadDecision.DATABASE_NOT_EMPTY);
	}

	@Test
	void neverMeansNever() {
		assertThat(LoadDecision.decide(Load.NEVER, EMPTY_H2_FILE)).isEqualTo(LoadDecision.DISABLED);
		assertThat(LoadDecision.decide(Load.NEVER, EMPTY_POSTGRES)).isEqualTo(LoadDecision.DISABLED);
	}

	@Test
	void recognisesH2ByProductNameOrUrl() {
		assertThat(new TargetDatabase("H2", null, true).embeddedH2()).isTrue();
		assertThat(new TargetDatabase(null, "jdbc:h2:~/aftercare", true).embeddedH2()).isTrue();
		assertThat(new TargetDatabase("PostgreSQL", "jdbc:postgresql://localhost/aftercare", true).embeddedH2())
			.isFalse();
		assertThat(new TargetDatabase("H2", "jdbc:h2:ssl://db.internal/aftercare", true).embeddedH2()).isFalse();
	}

}
