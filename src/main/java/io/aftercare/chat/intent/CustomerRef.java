package io.aftercare.chat.intent;

import java.util.List;

/**
 * The customer a CSM means, as read from what they typed.
 * <ul>
 * <li>Named and found: {@code matches} holds the customers of the book the words may
 * mean, best first (one is clear; several, the chat asks which).</li>
 * <li>Named but not in the book: {@code said} holds the words, {@code matches} is
 * empty.</li>
 * <li>Referred to ("them", "their tickets"): {@code inView}, the customer the
 * conversation is about.</li>
 * <li>Not named at all: {@link #NONE}.</li>
 * </ul>
 *
 * @param said the words that name the customer, as typed ("tech flow", "David");
 * {@code null} when none did
 * @param matches the customers of the book they may mean, best first
 * @param contact the contact of that customer the CSM named ("David Park"), {@code null}
 * when none was named
 * @param inView whether the CSM referred to the customer in view instead of naming one
 */
public record CustomerRef(String said, List<CustomerMatch> matches, String contact, boolean inView) {

	/** No customer named or referred to. */
	public static final CustomerRef NONE = new CustomerRef(null, List.of(), null, false);

	/** "Them": the customer the conversation is about. */
	public static final CustomerRef IN_VIEW = new CustomerRef(null, List.of(), null, true);

	public CustomerRef {
		matches = (matches != null) ? List.copyOf(matches) : List.of();
	}

	/** A customer named by the given words, with the customers they may mean. */
	public static CustomerRef named(String said, List<CustomerMatch> matches) {
		return new CustomerRef(said, matches, null, false);
	}

	/** Whether the CSM named a customer (found or not). */
	public boolean isNamed() {
		return this.said != null;
	}

	/** Whether the CSM named or referred to a customer at all. */
	public boolean isGiven() {
		return isNamed() || this.inView;
	}

	CustomerRef withContact(String contactName) {
		return new CustomerRef(this.said, this.matches, contactName, this.inView);
	}

}
