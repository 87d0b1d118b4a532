package io.aftercare.followup;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.HtmlBody;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.SupportDesk;

import org.springframework.stereotype.Component;

/**
 * The email of a follow-up, as every attempt sends it: the approved wording under its
 * Message-ID, from the CSM who owns the customer (so that answers reach them), to the
 * recipient, in the ticket's email thread where the desk's Message-IDs are known.
 */
@Component
class FollowUpEmails {

	private final CustomerBook customers;

	private final SupportDesk desk;

	private final HtmlBody html;

	private final CsmDirectory csms;

	private final org.springframework.beans.factory.ObjectProvider<FollowUpAnswerLinks> links;

	FollowUpEmails(CustomerBook customers, SupportDesk desk, HtmlBody html, CsmDirectory csms,
			org.springframework.beans.factory.ObjectProvider<FollowUpAnswerLinks> links) {
		this.links = links;
		this.customers = customers;
		this.csms = csms;
		this.desk = desk;
		this.html = html;
	}

	/**
	 * @throws RefusedException when the owning CSM has no email address to send from
	 */
	OutgoingEmail of(FollowUp followUp) {
		Draft content = followUp.content();
		List<String> thread = this.desk.mailThread(followUp.customerId(), followUp.ticketId());
		FollowUpAnswerLinks.Links answerLinks = answerLinks(followUp);
		String text = content.textBody();
		String html;
		if (answerLinks != null) {
			text = text + "\n\n" + ASK + "\n" + ALL_GOOD + ": " + answerLinks.allGood() + "\n" + STILL_TROUBLE + ": "
					+ answerLinks.stillTrouble() + "\n";
			html = this.html.render(content.textBody(), ASK, List.of(new HtmlBody.Link(ALL_GOOD, answerLinks.allGood()),
					new HtmlBody.Link(STILL_TROUBLE, answerLinks.stillTrouble())));
		}
		else {
			html = this.html.render(content.textBody());
		}
		return new OutgoingEmail(followUp.messageId(), sender(followUp),
				new Mailbox(followUp.recipient().name(), followUp.recipient().email()), content.subject(), text, html,
				thread.isEmpty() ? null : thread.get(thread.size() - 1), thread);
	}

	// Words the customer reads, below the CSM's own: a question, and two answers that
	// say what a click does.
	static final String ASK = "Is everything working for you now? One click lets me know:";

	static final String ALL_GOOD = "All good";

	static final String STILL_TROUBLE = "Still having trouble";

	private FollowUpAnswerLinks.Links answerLinks(FollowUp followUp) {
		FollowUpAnswerLinks provider = this.links.getIfAvailable();
		return (provider != null) ? provider.of(followUp).orElse(null) : null;
	}

	/**
	 * Follow-ups go out from the CSM who owns the customer, so that replies reach them;
	 * from the CSM who asked for the send when nobody owns it.
	 */
	Mailbox sender(FollowUp followUp) {
		Customer customer = this.customers.require(Csm.AFTERCARE, followUp.customerId());
		Csm requester = (followUp.sendRequestedBy() != null)
				? this.csms.find(followUp.sendRequestedBy()).orElse(Csm.AFTERCARE) : Csm.AFTERCARE;
		Csm from = this.customers.owner(customer, requester);
		if (from.email() == null) {
			throw new RefusedException("no-sender", from.displayName()
					+ " has no email address in Aftercare, so the follow-up has no sender. Add one, then send again.");
		}
		return new Mailbox(from.displayName(), from.email());
	}

}
