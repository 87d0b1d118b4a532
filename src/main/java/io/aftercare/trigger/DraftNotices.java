package io.aftercare.trigger;

import java.time.Duration;
import java.util.Map;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.followup.FollowUpDrafted;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Tells the CSM who owns the customer that Aftercare drafted a follow-up for them, where
 * configured: by email, and to a Slack-compatible incoming webhook. The chat's side panel
 * lists such drafts in any case. Each notice is its own listener, so a webhook that is
 * down is retried without emailing twice; the email carries a Message-ID of its draft, so
 * a transport that knows it sends it once.
 */
@Component
class DraftNotices {

	private final TriggerSettings settings;

	private final CsmDirectory csms;

	private final CustomerBook customers;

	private final MailTransport mail;

	private final RestClient http;

	DraftNotices(TriggerSettings settings, CsmDirectory csms, CustomerBook customers, MailTransport mail) {
		this.settings = settings;
		this.csms = csms;
		this.customers = customers;
		this.mail = mail;
		// A webhook that hangs must not hold a listener thread: the registry retries it.
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(5));
		timeouts.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(timeouts).build();
	}

	@ApplicationModuleListener
	void email(FollowUpDrafted drafted) {
		if (!drafted.unasked() || !this.settings.notice().email()) {
			return;
		}
		Csm owner = this.csms.find(drafted.owner()).orElse(null);
		if (owner == null || owner.email() == null) {
			return;
		}
		String from = this.settings.notice().from();
		String domain = from.substring(from.indexOf('@') + 1);
		this.mail.deliver(new OutgoingEmail("<notice.fu." + drafted.followUpId().value() + "@" + domain + ">",
				new Mailbox("Aftercare", from), new Mailbox(owner.displayName(), owner.email()), subject(drafted),
				text(drafted), null));
	}

	@ApplicationModuleListener
	void webhook(FollowUpDrafted drafted) {
		String url = this.settings.notice().webhookUrl();
		if (!drafted.unasked() || !StringUtils.hasText(url)) {
			return;
		}
		this.http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", text(drafted)))
			.retrieve()
			.toBodilessEntity();
	}

	private String subject(FollowUpDrafted drafted) {
		return "A follow-up for " + customerName(drafted) + " is ready for your review";
	}

	private String text(FollowUpDrafted drafted) {
		return "Aftercare drafted a follow-up for " + customerName(drafted) + " on ticket " + drafted.ticketNumber()
				+ ", because: " + drafted.why() + ". Nothing is sent until you approve it: "
				+ this.settings.notice().link();
	}

	private String customerName(FollowUpDrafted drafted) {
		return this.customers.find(Csm.AFTERCARE, drafted.customerId()).map(Customer::name).orElse("a customer");
	}

}
