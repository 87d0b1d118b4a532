/**
 * Replies: what comes back from the customer after a follow-up was sent. Messages are
 * read from the mail (IMAP polling, or the Gmail API's history) on db-scheduler, each
 * recorded once by its Message-ID; a reply is matched to its follow-up by
 * {@code In-Reply-To} and {@code References} against our Message-IDs, told from
 * auto-replies and bounces, stripped of quoted history and signature and read by
 * {@link io.aftercare.tone.ReplyReader}. The email's two one-click links ("All good",
 * "Still having trouble") feed the same tracking. {@link io.aftercare.reply.Answers}
 * records; {@link io.aftercare.reply.FollowUpAnswered} and
 * {@link io.aftercare.reply.FollowUpBounced} announce, for the modules that react
 * (reminders, the chat, notices, the customer's health).
 */
package io.aftercare.reply;
