package io.aftercare.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail goes. {@code outbox} is the folder of the embedded transport;
 * {@code messageIdDomain} ends every Message-ID we send, so replies can be matched to
 * their follow-up.
 */
@ConfigurationProperties("aftercare.mail")
record MailSettings(@DefaultValue("./data/outbox") Path outbox,
		@DefaultValue("mail.aftercare.local") String messageIdDomain) {

}
