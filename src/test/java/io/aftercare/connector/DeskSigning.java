package io.aftercare.connector;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test webhooks the way the desks document it, written apart from the application's
 * verifiers so that a mistake in one is not repeated in the other.
 */
public final class DeskSigning {

	/** The secret Zendesk's own verification example uses. */
	public static final String ZENDESK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

	public static final String INTERCOM_SECRET = "intercom-client-secret";

	private DeskSigning() {
	}

	/** Zendesk: Base64 of HMAC-SHA256 over timestamp + body. */
	public static String zendesk(String secret, String timestamp, String body) {
		return Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, timestamp + body));
	}

	/** Intercom: {@code sha1=} and the hex HMAC-SHA1 of the body. */
	public static String intercom(String secret, String body) {
		return "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", secret, body));
	}

	private static byte[] hmac(String algorithm, String secret, String message) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
