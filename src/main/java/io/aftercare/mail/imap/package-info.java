/**
 * The IMAP account, opened on demand: where the SMTP transport finds its sent copies and
 * where answers are read. Exposed to other modules (the reading side) as the named
 * interface {@code imap}.
 */
@org.springframework.modulith.NamedInterface("imap")
package io.aftercare.mail.imap;
