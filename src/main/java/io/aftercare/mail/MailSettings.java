package io.aftercare.mail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail goes. {@code transport} chooses how it leaves; {@code outbox} is the folder
 * of the embedded transport; {@code messageIdDomain} ends every Message-ID we send, so
 * replies can be matched to their follow-up. {@code sender} says whose address a
 * follow-up goes out from ({@code csm}: the CSM's own; {@code workspace}: the
 * {@code workspaceAddress}, under the CSM's name, with the CSM as Reply-To). The
 * {@code smtp}, {@code imap} and {@code gmail} groups configure those transports; the
 * IMAP account and the Gmail credentials also serve whoever reads the answers.
 */
@ConfigurationProperties("aftercare.mail")
record MailSettings(@DefaultValue("outbox") Transport transport, @DefaultValue("./data/outbox") Path outbox,
		@DefaultValue("mail.aftercare.local") String messageIdDomain, @DefaultValue("csm") Sender sender,
		String workspaceAddress, @DefaultValue Smtp smtp, @DefaultValue Imap imap, @DefaultValue Gmail gmail) {

	/**
	 * The mail transports there are. A value that names none stops the application at
	 * start, with the list of these.
	 */
	enum Transport {

		/** Each email becomes an {@code .eml} file in the {@code outbox} folder. */
		OUTBOX,

		/** Any mail provider's SMTP server ({@code smtp.*}), checked through IMAP. */
		SMTP,

		/** Google Workspace through the Gmail API ({@code gmail.*}). */
		GMAIL

	}

	/** Whose address a follow-up goes out from. */
	enum Sender {

		/** The CSM's own address. */
		CSM,

		/** The workspace address, under the CSM's name, with the CSM as Reply-To. */
		WORKSPACE

	}

	/**
	 * Whether and where a copy of each sent email can be found again, so that a send
	 * interrupted after the server took it is recognised instead of sent twice.
	 */
	enum SentCopy {

		/**
		 * The provider files every submitted email in the sender's Sent folder itself
		 * (Gmail, Microsoft 365): looked up in {@code imap.sent-folder}.
		 */
		PROVIDER,

		/**
		 * Aftercare adds {@code smtp.bcc-address} as a blind copy, delivered by the same
		 * SMTP transaction: looked up in {@code imap.sent-folder} of that mailbox.
		 */
		BCC,

		/** No copy to look at: an interrupted send waits for the CSM to check. */
		NONE

	}

	/**
	 * An SMTP server. {@code password} comes from the environment and is never printed.
	 */
	record Smtp(String host, @DefaultValue("587") int port, @DefaultValue("starttls") ConnectionSecurity security,
			String username, String password, @DefaultValue("none") SentCopy sentCopy, String bccAddress,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration timeout) {

		@Override
		public String toString() {
			return "Smtp[" + this.username + "@" + this.host + ":" + this.port + ", " + this.security + "]";
		}

	}

	/**
	 * An IMAP account: where sent copies are looked up, and later, where answers are
	 * read. {@code password} comes from the environment and is never printed.
	 */
	record Imap(String host, @DefaultValue("993") int port, @DefaultValue("tls") ConnectionSecurity security,
			String username, String password, @DefaultValue("Sent") String sentFolder,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration timeout) {

		@Override
		public String toString() {
			return "Imap[" + this.username + "@" + this.host + ":" + this.port + ", " + this.security + "]";
		}

	}

	/**
	 * Google Workspace through the Gmail API, with a service account that domain-wide
	 * delegation lets act as each CSM. {@code credentialsFile} is the service account's
	 * JSON key; {@code tokenUri} overrides the token endpoint the key names;
	 * {@code apiUrl} is the Gmail API's root.
	 */
	record Gmail(Path credentialsFile, URI tokenUri, @DefaultValue("https://gmail.googleapis.com") URI apiUrl,
			@DefaultValue( {
					"https://www.googleapis.com/auth/gmail.send",
					"https://www.googleapis.com/auth/gmail.readonly" }) List<String> scopes,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration timeout){

	}

}
