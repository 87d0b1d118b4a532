package io.aftercare.connector;

import io.aftercare.ingestion.IncomingTicket;

/**
 * A ticket as a connector read it from its desk, before it is mapped onto a customer: the
 * ticket itself (its {@code customer} left out), the desk's account it belongs to and who
 * asked. {@code requester} may be null.
 */
public record DeskTicket(DeskAccount account, DeskPerson requester, IncomingTicket ticket) {

	public DeskTicket {
		if (account == null || ticket == null) {
			throw new IllegalArgumentException("a desk ticket needs its account and the ticket");
		}
	}

	/** {@code zendesk:4211} */
	public String key() {
		return this.ticket.source() + ":" + this.ticket.externalId();
	}

}
