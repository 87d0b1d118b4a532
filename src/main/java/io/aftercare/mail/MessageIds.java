package io.aftercare.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes the Message-ID of a follow-up's email. It is derived from the follow-up and the
 * content version that was approved, keyed by this installation's secret: the same on
 * every attempt to send that wording, whatever the database remembers of earlier
 * attempts, so that a transport which already holds that Message-ID can tell "already
 * delivered"; and not guessable from outside, because the key never leaves the
 * installation. The follow-up id in it lets a reply be matched even without the token.
 */
@Component
public class MessageIds implements SmartInitializingSingleton {

	private static final String KEY_NAME = "message-id-key";

	// 96 bits: unguessable, and short enough to read in a mail header.
	private static final int TOKEN_BYTES = 12;

	private final InstallationSecrets secrets;

	private final String domain;

	private volatile SecretKeySpec key;

	MessageIds(InstallationSecrets secrets, MailSettings settings) {
		this.secrets = secrets;
		this.domain = settings.messageIdDomain();
	}

	/**
	 * Reads (or makes) the key at start-up, so that no send waits for a second database
	 * connection while its claim holds one.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		key();
	}

	/** The Message-ID of this wording of this follow-up, identical on every call. */
	public String forFollowUp(long followUpId, int contentVersion) {
		byte[] mac = mac("followup:" + followUpId + ":" + contentVersion);
		String token = HexFormat.of().formatHex(mac, 0, TOKEN_BYTES);
		return "<fu." + followUpId + "." + contentVersion + "." + token + "@" + this.domain + ">";
	}

	/**
	 * The follow-up whose email this Message-ID is, when it is one of ours: its shape is
	 * ours and its token is the one this installation derives for that follow-up and
	 * wording, so a Message-ID made up outside (a forged {@code In-Reply-To}) names
	 * nothing.
	 */
	public java.util.Optional<Long> followUpOf(String messageId) {
		if (messageId == null) {
			return java.util.Optional.empty();
		}
		java.util.regex.Matcher id = OURS.matcher(messageId.strip());
		if (!id.matches() || !id.group(4).equalsIgnoreCase(this.domain)) {
			return java.util.Optional.empty();
		}
		try {
			long followUp = Long.parseLong(id.group(1));
			int version = Integer.parseInt(id.group(2));
			byte[] expected = java.util.Arrays.copyOf(mac("followup:" + followUp + ":" + version), TOKEN_BYTES);
			byte[] given = HexFormat.of().parseHex(id.group(3));
			return java.security.MessageDigest.isEqual(expected, given) ? java.util.Optional.of(followUp)
					: java.util.Optional.empty();
		}
		catch (NumberFormatException ex) {
			return java.util.Optional.empty();
		}
	}

	private static final java.util.regex.Pattern OURS = java.util.regex.Pattern
		.compile("<fu\\.(\\d{1,18})\\.(\\d{1,9})\\.([0-9a-f]{24})@([^>\\s]+)>");

	private byte[] mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = this.key;
		if (current == null) {
			current = new SecretKeySpec(HexFormat.of().parseHex(this.secrets.get(KEY_NAME)), "HmacSHA256");
			this.key = current;
		}
		return current;
	}

}
