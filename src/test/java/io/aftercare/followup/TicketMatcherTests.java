package io.aftercare.followup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketMatcherTests {

	private static final TicketText RATE_LIMITS = new TicketText(1, "TF-2024-0847",
			"API rate limiting causing sync failures", "Integrations");

	private static final TicketText INVOICE = new TicketText(2, "TF-2024-0850", "Invoice sent twice", "Billing");

	private static final TicketText API_DOCS = new TicketText(3, "TF-2024-0861", "Question about the API docs",
			"Developer portal");

	private static final TicketText WORKFLOWS = new TicketText(4, "TF-2024-0870", "Workflow editor freezes", null);

	private static final List<TicketText> TICKETS = List.of(RATE_LIMITS, INVOICE, API_DOCS, WORKFLOWS);

	private final TicketMatcher matcher = new TicketMatcher();

	@Test
	void findsTicketsWhoseSubjectHasTheWord() {
		assertThat(this.matcher.match(List.of("api"), TICKETS)).containsExactly(1L, 3L);
	}

	@Test
	void findsTicketsByTheirProductArea() {
		assertThat(this.matcher.match(List.of("billing"), TICKETS)).containsExactly(2L);
	}

	@Test
	void putsTheTicketMatchingMoreWordsFirst() {
		assertThat(this.matcher.match(List.of("api", "docs"), List.of(RATE_LIMITS, API_DOCS))).containsExactly(3L, 1L);
	}

	@Test
	void matchesTheStartOfWordsIgnoringAPluralS() {
		assertThat(this.matcher.match(List.of("limits"), TICKETS)).containsExactly(1L);
		assertThat(this.matcher.match(List.of("failure"), TICKETS)).containsExactly(1L);
		assertThat(this.matcher.match(List.of("Invoices"), TICKETS)).containsExactly(2L);
	}

	@Test
	void findsATicketByTheLastDigitsOfItsNumber() {
		assertThat(this.matcher.match(List.of("0847"), TICKETS)).containsExactly(1L);
		assertThat(this.matcher.match(List.of("861"), TICKETS)).as("leading zeros aside").containsExactly(3L);
		assertThat(this.matcher.match(List.of("084"), TICKETS)).as("the whole run of digits, not its start").isEmpty();
		assertThat(this.matcher.match(List.of("2024"), TICKETS)).as("not the year in the middle").isEmpty();
	}

	@Test
	void doesNotMatchInsideAWord() {
		assertThat(this.matcher.match(List.of("flow"), TICKETS)).isEmpty();
	}

	@Test
	void findsNothingWithoutWords() {
		assertThat(this.matcher.match(List.of(), TICKETS)).isEmpty();
		assertThat(this.matcher.match(null, TICKETS)).isEmpty();
		assertThat(this.matcher.match(List.of("api"), null)).isEmpty();
	}

}
