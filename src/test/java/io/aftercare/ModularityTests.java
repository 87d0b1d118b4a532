package io.aftercare;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure is part of the design: no cycles, no reaching into another
 * module's internals. Also writes the module diagrams that docs/architecture.md shows.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AftercareApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void onlyTheChatBuildsOnFollowUps() {
		var followup = this.modules.getModuleByName("followup").orElseThrow();
		assertThat(this.modules.stream()
			.filter((module) -> module.getDependencies(this.modules)
				.stream()
				.anyMatch((dependency) -> dependency.getTargetModule().equals(followup)))
			.map((module) -> module.getIdentifier().toString())).containsExactly("chat");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
