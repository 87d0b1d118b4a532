package io.aftercare.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail goes. {@code transport} chooses how it leaves; {@code outbox} is the folder
 * of the embedded transport; {@code messageIdDomain} ends every Message-ID we send, so
 * replies can be matched to their follow-up.
 */
@ConfigurationProperties("aftercare.mail")
record MailSettings(@DefaultValue("outbox") Transport transport, @DefaultValue("./data/outbox") Path outbox,
		@DefaultValue("mail.aftercare.local") String messageIdDomain) {

	/**
	 * The mail transports there are. A value that names none stops the application at
	 * start, with the list of these.
	 */
	enum Transport {

		/** Each email becomes an {@code .eml} file in the {@code outbox} folder. */
		OUTBOX

	}

}
