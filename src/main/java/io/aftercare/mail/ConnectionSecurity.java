package io.aftercare.mail;

/** How a connection to a mail server is protected. */
public enum ConnectionSecurity {

	/** Plain text: only for a server on the same machine, or in tests. */
	NONE,

	/** A plain connection upgraded with STARTTLS, which must succeed. */
	STARTTLS,

	/** TLS from the first byte (SMTPS on 465, IMAPS on 993). */
	TLS

}
