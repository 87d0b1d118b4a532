package io.aftercare.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonInputTests {

	private final JsonMapper mapper = JsonMapper.builder().addModule(new JsonInput()).build();

	record Note(String text, List<String> tags, Instant at, LocalDate on) {
	}

	@Test
	void readsOrdinaryValues() {
		Note note = this.mapper.readValue("""
				{"text":"Hi \\ud83d\\ude00 there","tags":["a"],"at":"2026-11-01T09:00:00Z","on":"2027-03-31"}""",
				Note.class);
		assertThat(note.text()).isEqualTo("Hi \uD83D\uDE00 there");
		assertThat(note.at()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
		assertThat(note.on()).isEqualTo(LocalDate.of(2027, 3, 31));
	}

	@Test
	void refusesNulAndLoneSurrogatesNamingTheField() {
		assertThatExceptionOfType(RefusedValueException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"text\":\"a\\u0000b\"}", Note.class))
			.satisfies((ex) -> {
				assertThat(ex.getOriginalMessage()).contains("NUL");
				assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo("text");
			});
		assertThatExceptionOfType(RefusedValueException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"tags\":[\"ok\",\"\\udc00\"]}", Note.class))
			.satisfies((ex) -> assertThat(ex.getOriginalMessage()).contains("surrogate"));
	}

	@Test
	void refusesTimesOutsideTheSupportedRange() {
		for (String body : List.of("{\"at\":\"+999999999-12-31T23:59:59Z\"}", "{\"at\":\"1899-12-31T23:59:59Z\"}",
				"{\"at\":99999999999999}", "{\"on\":\"+10000-01-01\"}", "{\"on\":\"0000-01-01\"}")) {
			assertThatExceptionOfType(RefusedValueException.class)
				.isThrownBy(() -> this.mapper.readValue(body, Note.class))
				.as(body)
				.satisfies((ex) -> assertThat(ex.getOriginalMessage()).contains("1900-01-01"));
		}
	}

	@Test
	void guardsValuesBoundFromATree() {
		JsonNode tree = this.mapper.readTree("{\"text\":\"a\\u0000b\"}");
		assertThatExceptionOfType(RefusedValueException.class)
			.isThrownBy(() -> this.mapper.treeToValue(tree, Note.class));
	}

}
