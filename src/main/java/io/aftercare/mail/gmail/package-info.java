/**
 * The Gmail API with a service account's delegated tokens: the Gmail transport, and
 * {@link io.aftercare.mail.gmail.GmailClient} for the reading side (history, raw
 * messages), exposed to other modules as the named interface {@code gmail}.
 */
@org.springframework.modulith.NamedInterface("gmail")
package io.aftercare.mail.gmail;
