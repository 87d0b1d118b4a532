/**
 * Getting a follow-up to the customer: {@link io.aftercare.mail.OutgoingEmail}, the
 * standard RFC 5322 message it builds ({@code toMime}, the same for every transport), and
 * the {@link io.aftercare.mail.MailTransport} that delivers it. The embedded default
 * writes each message as an {@code .eml} file into the outbox folder; SMTP and Gmail
 * transports plug in behind the same interface.
 */
package io.aftercare.mail;
