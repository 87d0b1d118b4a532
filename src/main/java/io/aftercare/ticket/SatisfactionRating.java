package io.aftercare.ticket;

import java.util.Locale;
import java.util.Set;

/**
 * A desk's satisfaction rating, as it reports it: Zendesk's {@code offered},
 * {@code good}, {@code bad} (and their {@code _with_comment} variants), or a score of 1
 * to 5 such as Intercom's. It says whether the survey went out, and whether the answer
 * was bad.
 */
public record SatisfactionRating(String value) {

	private static final Set<String> BAD = Set.of("bad", "bad_with_comment", "unsatisfied", "1", "2");

	private static final Set<String> NOT_ANSWERED = Set.of("offered", "unoffered");

	public SatisfactionRating {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a satisfaction rating needs a value");
		}
		value = value.strip().toLowerCase(Locale.ROOT);
	}

	/** The customer said they were unhappy. */
	public boolean isBad() {
		return BAD.contains(this.value);
	}

	/** The customer answered the survey (well or badly). */
	public boolean isAnswered() {
		return !NOT_ANSWERED.contains(this.value);
	}

	/** The desk sent its survey: "unoffered" means it has not. */
	public boolean wasOffered() {
		return !this.value.equals("unoffered");
	}

}
