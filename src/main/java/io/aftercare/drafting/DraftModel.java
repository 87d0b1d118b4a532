package io.aftercare.drafting;

/**
 * A language model that writes a draft from instructions and the facts. Implemented with
 * Spring AI in {@code drafting.model}; any failure (a timeout, an HTTP error) is thrown,
 * and the caller falls back to the template.
 */
public interface DraftModel {

	/**
	 * @param instructions what to write and the rules, as the system message
	 * @param facts the facts, the customer's words fenced as data, as the user message
	 * @return the model's text and the tokens it used
	 */
	Answer write(String instructions, String facts);

	/** What the model answered, and what it cost. */
	record Answer(String text, int tokensUsed) {

	}

}
