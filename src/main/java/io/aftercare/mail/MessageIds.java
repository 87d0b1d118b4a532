package io.aftercare.mail;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Makes the Message-ID of a follow-up before it is sent, so that it is stored first and a
 * retry reuses it. The follow-up id in it lets a reply be matched even when the token is
 * lost.
 */
@Component
public class MessageIds {

	private final SecureRandom random = new SecureRandom();

	private final String domain;

	MessageIds(MailSettings settings) {
		this.domain = settings.messageIdDomain();
	}

	public String forFollowUp(long followUpId) {
		byte[] token = new byte[9];
		this.random.nextBytes(token);
		return "<fu." + followUpId + "." + HexFormat.of().formatHex(token) + "@" + this.domain + ">";
	}

}
