package io.aftercare.ticket;

/**
 * How urgent the support team judged a ticket; shown to CSMs as its severity.
 */
public enum TicketPriority {

	LOW, NORMAL, HIGH, URGENT;

	/** Human label, as the chat and emails show it ("High"). */
	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

}
