package io.aftercare.mail.imap;

import java.time.Duration;
import java.util.Properties;

import io.aftercare.mail.ConnectionSecurity;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;

/**
 * One IMAP account, opened on demand: where the SMTP transport looks for its sent copies,
 * and where the reading side will look for answers. Each use opens its own connection
 * ({@link #open}) and closes it; nothing stays connected between uses.
 */
public class ImapMailbox {

	private final Account account;

	private final Session session;

	public ImapMailbox(Account account) {
		if (account.host() == null || account.host().isBlank()) {
			throw new IllegalArgumentException("an IMAP account needs a host");
		}
		this.account = account;
		this.session = Session.getInstance(properties(account));
	}

	/** The account as {@code user@host}, to name it in a channel or a message. */
	public String name() {
		return this.account.username() + "@" + this.account.host();
	}

	/**
	 * A connected store of the account; the caller closes it.
	 * @throws MessagingException when the server cannot be reached or refuses the login
	 */
	public Store open() throws MessagingException {
		Store store = this.session.getStore(protocol(this.account));
		store.connect(this.account.host(), this.account.port(), this.account.username(), this.account.password());
		return store;
	}

	/**
	 * Whether the folder holds a message with exactly this Message-ID. The server
	 * searches ({@code SEARCH HEADER Message-ID <id>}); the few candidates it finds are
	 * compared here, because IMAP's search matches substrings.
	 * @throws MessagingException when the account or the folder cannot be read
	 */
	public boolean holds(String folderName, String messageId) throws MessagingException {
		try (Store store = open()) {
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				throw new MessagingException("the folder '" + folderName + "' does not exist in " + name());
			}
			folder.open(Folder.READ_ONLY);
			try {
				for (Message candidate : folder.search(new HeaderTerm("Message-ID", messageId))) {
					String[] ids = candidate.getHeader("Message-ID");
					if (ids != null && java.util.Arrays.stream(ids).anyMatch((id) -> id.strip().equals(messageId))) {
						return true;
					}
				}
				return false;
			}
			finally {
				folder.close(false);
			}
		}
	}

	private static String protocol(Account account) {
		return (account.security() == ConnectionSecurity.TLS) ? "imaps" : "imap";
	}

	private static Properties properties(Account account) {
		String prefix = "mail." + protocol(account) + ".";
		Properties properties = new Properties();
		properties.put(prefix + "connectiontimeout", String.valueOf(account.connectTimeout().toMillis()));
		properties.put(prefix + "timeout", String.valueOf(account.timeout().toMillis()));
		properties.put(prefix + "writetimeout", String.valueOf(account.timeout().toMillis()));
		if (account.security() == ConnectionSecurity.STARTTLS) {
			properties.put(prefix + "starttls.enable", "true");
			properties.put(prefix + "starttls.required", "true");
		}
		if (account.security() != ConnectionSecurity.NONE) {
			properties.put(prefix + "ssl.checkserveridentity", "true");
		}
		return properties;
	}

	/**
	 * Where the account is and how to sign in. The password is never printed.
	 */
	public record Account(String host, int port, ConnectionSecurity security, String username, String password,
			Duration connectTimeout, Duration timeout) {

		@Override
		public String toString() {
			return "Account[" + this.username + "@" + this.host + ":" + this.port + ", " + this.security + "]";
		}

	}

}
