package io.aftercare.ticket;

/**
 * Whose side a ticket participant is on.
 */
public enum ParticipantSide {

	/** Someone at the customer: the requester, a colleague copied in, an executive. */
	CUSTOMER,
	/** Someone at our company: the support agent, an engineer it was escalated to. */
	VENDOR

}
