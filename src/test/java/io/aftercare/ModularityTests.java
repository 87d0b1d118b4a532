package io.aftercare;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
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

	/**
	 * Follow-ups sit in the middle: they build on accounts, customers, tickets, the
	 * assessment, drafting and mail, and nothing of those may depend on follow-ups, so
	 * that the modules that react to follow-ups (reminders, the audit trail, the chat,
	 * later triggers and insights) can sit above them.
	 */
	@Test
	void nothingFollowUpsBuildOnDependsOnThem() {
		ApplicationModule followup = this.modules.getModuleByName("followup").orElseThrow();
		Set<ApplicationModule> below = below(followup);
		assertThat(below).extracting(this::name)
			.contains("account", "customer", "ticket", "assessment", "drafting", "mail");
		assertThat(below).as("modules follow-ups build on")
			.allSatisfy((module) -> assertThat(dependsOn(module)).as(name(module) + "'s dependencies")
				.doesNotContain(followup));
		assertThat(this.modules.stream().filter((module) -> dependsOn(module).contains(followup)).map(this::name))
			.as("modules above follow-ups")
			.contains("chat", "reminder", "audit");
	}

	/** Every module the given one depends on, directly or through others. */
	private Set<ApplicationModule> below(ApplicationModule module) {
		Set<ApplicationModule> found = new LinkedHashSet<>();
		Deque<ApplicationModule> next = new ArrayDeque<>(dependsOn(module));
		while (!next.isEmpty()) {
			ApplicationModule dependency = next.pop();
			if (found.add(dependency)) {
				next.addAll(dependsOn(dependency));
			}
		}
		return found;
	}

	private Set<ApplicationModule> dependsOn(ApplicationModule module) {
		return module.getDependencies(this.modules)
			.stream()
			.map(ApplicationModuleDependency::getTargetModule)
			.collect(Collectors.toSet());
	}

	private String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
