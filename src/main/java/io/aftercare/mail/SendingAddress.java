package io.aftercare.mail;

import io.aftercare.mail.OutgoingEmail.Mailbox;

/**
 * Whose address a follow-up goes out from. By default the CSM's own, so the customer sees
 * their CSM and answers them. Where the provider forbids one account to send as another
 * user, the workspace's address sends, under the CSM's name, with the CSM as Reply-To so
 * that answers still reach them.
 *
 * @param workspaceAddress the address that sends instead of the CSM, or {@code null} to
 * send from the CSM's own
 */
public record SendingAddress(String workspaceAddress) {

	/** Every email from its author's own address. */
	public static final SendingAddress AUTHOR = new SendingAddress(null);

	public SendingAddress {
		if (workspaceAddress != null) {
			// Validates it the way every other mailbox is.
			new Mailbox(null, workspaceAddress);
		}
	}

	/** The From of an email its author writes. */
	public Mailbox from(Mailbox author) {
		return (this.workspaceAddress != null) ? new Mailbox(author.name(), this.workspaceAddress) : author;
	}

	/** Where answers go: always the author. */
	public Mailbox replyTo(Mailbox author) {
		return author;
	}

}
