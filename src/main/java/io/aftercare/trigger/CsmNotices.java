package io.aftercare.trigger;

import java.time.Duration;
import java.util.Map;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * How a CSM is told something outside the chat, where configured
 * ({@code aftercare.triggers.notice.*}): by email from the notice address, and to a
 * Slack-compatible incoming webhook. Callers make each its own listener, so a webhook
 * that is down is retried without emailing twice; each email carries a Message-ID of its
 * subject, so a transport that knows it sends it once.
 */
@Component
class CsmNotices {

	private final TriggerSettings settings;

	private final CsmDirectory csms;

	private final MailTransport mail;

	private final RestClient http;

	CsmNotices(TriggerSettings settings, CsmDirectory csms, MailTransport mail) {
		this.settings = settings;
		this.csms = csms;
		this.mail = mail;
		// A webhook that hangs must not hold a listener thread: the registry retries it.
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(5));
		timeouts.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(timeouts).build();
	}

	/**
	 * Emails the CSM, when notices by email are on and the CSM has an address.
	 * @param key what the notice is about, unique per notice ({@code fu.12},
	 * {@code answer.12.1700000000})
	 */
	void email(String owner, String key, String subject, String text) {
		if (!this.settings.notice().email()) {
			return;
		}
		Csm csm = this.csms.find(owner).orElse(null);
		if (csm == null || csm.email() == null) {
			return;
		}
		String from = this.settings.notice().from();
		String domain = from.substring(from.indexOf('@') + 1);
		this.mail.deliver(new OutgoingEmail("<notice." + key + "@" + domain + ">", new Mailbox("Aftercare", from),
				new Mailbox(csm.displayName(), csm.email()), subject, text, null));
	}

	/** Posts {@code {"text": ...}} to the webhook, when one is configured. */
	void webhook(String text) {
		String url = this.settings.notice().webhookUrl();
		if (!StringUtils.hasText(url)) {
			return;
		}
		this.http.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", text))
			.retrieve()
			.toBodilessEntity();
	}

	/** Where the CSM opens Aftercare, named in notices. */
	String link() {
		return this.settings.notice().link();
	}

}
