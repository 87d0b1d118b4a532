package io.aftercare.reply;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are read ({@code aftercare.replies.*}). {@code imap}: poll the IMAP account
 * of {@code aftercare.mail.imap.*} (its {@code folder}, every {@code pollInterval}; the
 * first poll looks {@code firstLookBack} back). {@code gmail}: read the Gmail history of
 * {@code mailboxes} (by default every CSM's address) with the service account of
 * {@code aftercare.mail.gmail.*}. {@code links}: the one-click links in each follow-up,
 * valid for {@code validFor}, served at {@code baseUrl} (no links without it).
 */
@ConfigurationProperties("aftercare.replies")
public record ReplySettings(@DefaultValue Imap imap, @DefaultValue Gmail gmail, @DefaultValue Links links) {

	public record Imap(@DefaultValue("false") boolean enabled, @DefaultValue("INBOX") String folder,
			@DefaultValue("1m") Duration pollInterval, @DefaultValue("7d") Duration firstLookBack,
			@DefaultValue("200") int batch) {

	}

	public record Gmail(@DefaultValue("false") boolean enabled, @DefaultValue("1m") Duration pollInterval,
			List<String> mailboxes) {

		public Gmail {
			mailboxes = (mailboxes != null) ? List.copyOf(mailboxes) : List.of();
		}

	}

	public record Links(URI baseUrl, @DefaultValue("30d") Duration validFor) {

		public boolean enabled() {
			return this.baseUrl != null && !this.baseUrl.toString().isBlank();
		}

	}

}
