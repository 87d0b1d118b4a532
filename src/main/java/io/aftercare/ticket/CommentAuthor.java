package io.aftercare.ticket;

/**
 * Who wrote a ticket comment; only the customer's own words tell their mood.
 */
public enum CommentAuthor {

	CUSTOMER, AGENT, SYSTEM

}
