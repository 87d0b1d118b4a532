package io.aftercare.mail;

import java.time.Clock;

import io.aftercare.mail.MailSettings.Imap;
import io.aftercare.mail.MailSettings.Smtp;
import io.aftercare.mail.gmail.GmailClient;
import io.aftercare.mail.gmail.GmailTransport;
import io.aftercare.mail.gmail.ServiceAccountTokens;
import io.aftercare.mail.imap.ImapMailbox;
import io.aftercare.mail.outbox.OutboxTransport;
import io.aftercare.mail.smtp.SmtpTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the transport named by {@code aftercare.mail.transport}: {@code outbox}, the
 * default, writes mail to the outbox folder; {@code smtp} sends through an SMTP server
 * and looks for sent copies over IMAP; {@code gmail} sends through the Gmail API. A
 * transport whose settings are missing stops the start with what to set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean(MailTransport.class)
	MailTransport mailTransport(MailSettings settings, ObjectProvider<ImapMailbox> imap,
			ObjectProvider<GmailClient> gmail, Clock clock) {
		SendingAddress sending = sendingAddress(settings);
		return switch (settings.transport()) {
			case OUTBOX -> new OutboxTransport(settings.outbox(), sending, clock);
			case SMTP ->
				new SmtpTransport(server(settings.smtp()), sentCopy(settings, imap.getIfAvailable()), sending, clock);
			case GMAIL -> new GmailTransport(required(gmail.getIfAvailable()), sending, clock);
		};
	}

	/**
	 * The IMAP account, when one is configured: where the SMTP transport finds its sent
	 * copies, and the reading side its answers.
	 */
	@Bean
	@ConditionalOnMissingBean(ImapMailbox.class)
	@ConditionalOnProperty(prefix = "aftercare.mail.imap", name = "host")
	ImapMailbox imapMailbox(MailSettings settings) {
		Imap imap = settings.imap();
		return new ImapMailbox(new ImapMailbox.Account(imap.host(), imap.port(), imap.security(), imap.username(),
				imap.password(), imap.connectTimeout(), imap.timeout()));
	}

	/**
	 * The Gmail API as the service account's delegate, when its key is configured: how
	 * the Gmail transport sends, and the reading side reads the answers.
	 */
	@Bean
	@ConditionalOnMissingBean(GmailClient.class)
	@ConditionalOnProperty(prefix = "aftercare.mail.gmail", name = "credentials-file")
	GmailClient gmailClient(MailSettings settings, Clock clock) {
		return gmailClient(settings.gmail(), clock);
	}

	private static GmailClient required(GmailClient gmail) {
		if (gmail == null) {
			throw new IllegalStateException(
					"aftercare.mail.transport=gmail needs aftercare.mail.gmail.credentials-file, "
							+ "the service account's JSON key");
		}
		return gmail;
	}

	private static SendingAddress sendingAddress(MailSettings settings) {
		if (settings.sender() == MailSettings.Sender.CSM) {
			return SendingAddress.AUTHOR;
		}
		if (settings.workspaceAddress() == null || settings.workspaceAddress().isBlank()) {
			throw new IllegalStateException(
					"aftercare.mail.sender=workspace needs aftercare.mail.workspace-address, the address that sends");
		}
		return new SendingAddress(settings.workspaceAddress());
	}

	private static SmtpTransport.Server server(Smtp smtp) {
		if (smtp.host() == null || smtp.host().isBlank()) {
			throw new IllegalStateException("aftercare.mail.transport=smtp needs aftercare.mail.smtp.host");
		}
		return new SmtpTransport.Server(smtp.host(), smtp.port(), smtp.security(), blankToNull(smtp.username()),
				smtp.password(), smtp.connectTimeout(), smtp.timeout());
	}

	private static SmtpTransport.SentCopy sentCopy(MailSettings settings, ImapMailbox imap) {
		return switch (settings.smtp().sentCopy()) {
			case NONE -> SmtpTransport.SentCopy.NONE;
			case PROVIDER -> new SmtpTransport.SentCopy(SmtpTransport.SentCopy.Mode.PROVIDER, required(imap),
					settings.imap().sentFolder(), null);
			case BCC -> new SmtpTransport.SentCopy(SmtpTransport.SentCopy.Mode.BCC, required(imap),
					settings.imap().sentFolder(), (settings.smtp().bccAddress() != null) ? settings.smtp().bccAddress()
							: settings.workspaceAddress());
		};
	}

	private static ImapMailbox required(ImapMailbox imap) {
		if (imap == null) {
			throw new IllegalStateException(
					"aftercare.mail.smtp.sent-copy needs an IMAP account to look in: set aftercare.mail.imap.host");
		}
		return imap;
	}

	private static GmailClient gmailClient(MailSettings.Gmail gmail, Clock clock) {
		var http = GmailClient.httpClient(gmail.connectTimeout());
		ServiceAccountTokens tokens = ServiceAccountTokens.fromKeyFile(gmail.credentialsFile(), gmail.tokenUri(),
				gmail.scopes(), http, gmail.timeout(), clock);
		return new GmailClient(tokens, gmail.apiUrl(), http, gmail.timeout());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
