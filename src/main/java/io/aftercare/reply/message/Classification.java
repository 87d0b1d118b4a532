package io.aftercare.reply.message;

/**
 * What a message is and why it was taken for that: for a bounce, the receiving server's
 * reason (its status and diagnostic); for an auto-reply, the header or subject that gave
 * it away.
 */
public record Classification(MailKind kind, String detail) {

}
