package io.aftercare.chat.intent;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CustomerMatcherTests {

	private static final CustomerName TECHFLOW = new CustomerName(1, "TechFlow");

	private static final CustomerName TECHLINE = new CustomerName(2, "Techline Systems");

	private static final CustomerName ACME = new CustomerName(3, "Acme Corp");

	private static final CustomerName GLOBEX = new CustomerName(4, "Globex Corporation");

	private static final CustomerName INITECH = new CustomerName(5, "Initech, LLC");

	private static final CustomerName HOOLI = new CustomerName(6, "Hooli");

	private static final CustomerName HP = new CustomerName(7, "HP");

	private static final CustomerName HOME_DEPOT = new CustomerName(8, "The Home Depot");

	private static final CustomerName UMBRELLA = new CustomerName(9, "Umbrella GmbH");

	private static final List<CustomerName> BOOK = List.of(TECHFLOW, TECHLINE, ACME, GLOBEX, INITECH, HOOLI, HP,
			HOME_DEPOT, UMBRELLA);

	private final CustomerMatcher matcher = new CustomerMatcher();

	static Stream<Arguments> phrases() {
		return Stream.of(arguments("tech flow", List.of(match(TECHFLOW, 0))),
				arguments("TechFlow Inc.", List.of(match(TECHFLOW, 0))),
				arguments("techflow", List.of(match(TECHFLOW, 0))),
				arguments("  TECHFLOW  ", List.of(match(TECHFLOW, 0))),
				arguments("TechFlow's", List.of(match(TECHFLOW, 0))),
				arguments("Tehcflow", List.of(match(TECHFLOW, 1))), arguments("Techflwo", List.of(match(TECHFLOW, 1))),
				arguments("Tecflo", List.of(match(TECHFLOW, 2))), arguments("acme", List.of(match(ACME, 0))),
				arguments("Acme Corporation", List.of(match(ACME, 0))), arguments("Acme Crop", List.of(match(ACME, 1))),
				arguments("acme c", List.of(match(ACME, 3))),
				arguments("tech", List.of(match(TECHFLOW, 4), match(TECHLINE, 11))),
				arguments("glob", List.of(match(GLOBEX, 2))), arguments("Globx", List.of(match(GLOBEX, 1))),
				arguments("initech", List.of(match(INITECH, 0))), arguments("Umbrella", List.of(match(UMBRELLA, 0))),
				arguments("home depot", List.of(match(HOME_DEPOT, 0))), arguments("Hooly", List.of(match(HOOLI, 1))),
				// A short name allows one typo only.
				arguments("Hoolyy", List.of()), arguments("hp", List.of(match(HP, 0))),
				// Two letters are too few to guess a typo from.
				arguments("hq", List.of()), arguments("xyz", List.of()), arguments("", List.of()),
				arguments("Inc.", List.of()));
	}

	private static CustomerMatch match(CustomerName customer, int distance) {
		return new CustomerMatch(customer.id(), customer.name(), distance);
	}

	@ParameterizedTest
	@MethodSource("phrases")
	void findsTheCustomersATypedNameMayMean(String phrase, List<CustomerMatch> expected) {
		assertThat(this.matcher.match(phrase, BOOK)).isEqualTo(expected);
	}

	@Test
	void letsTheSameNameWinAloneOverLongerNamesItBegins() {
		List<CustomerName> book = List.of(new CustomerName(1, "TechFlow Labs"), TECHFLOW);

		assertThat(this.matcher.match("techflow", book)).containsExactly(match(TECHFLOW, 0));
	}

	@Test
	void returnsEveryCustomerWithTheSameNameSoTheCallerCanAsk() {
		CustomerName other = new CustomerName(10, "Acme Corp.");

		assertThat(this.matcher.match("Acme", List.of(other, ACME))).containsExactly(match(ACME, 0), match(other, 0));
	}

	@Test
	void returnsOnlyTheClosestTypos() {
		List<CustomerName> book = List.of(new CustomerName(1, "Globex"), new CustomerName(2, "Glabox"));

		assertThat(this.matcher.match("Globax", book)).extracting(CustomerMatch::id).containsExactly(1L);
	}

	@Test
	void matchesNothingWithoutAPhraseOrCandidates() {
		assertThat(this.matcher.match(null, BOOK)).isEmpty();
		assertThat(this.matcher.match("TechFlow", null)).isEmpty();
		assertThat(this.matcher.match("TechFlow", List.of())).isEmpty();
	}

	@Test
	void aPastedParagraphMatchesNoCustomerButTyposStillDo() {
		List<CustomerName> book = new java.util.ArrayList<>();
		for (int i = 0; i < 4500; i++) {
			book.add(new CustomerName(100 + i, "Customer " + i));
		}
		book.add(TECHFLOW);
		String paragraph = "techflow ".repeat(220);

		assertThat(this.matcher.match(paragraph, book)).isEmpty();
		assertThat(this.matcher.match("Tehcflow", book)).containsExactly(match(TECHFLOW, 1));
	}

}
