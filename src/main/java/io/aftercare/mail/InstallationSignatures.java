package io.aftercare.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs short texts with a secret of this installation (HMAC-SHA256), one secret per
 * purpose, so that a signature made for one use (an answer link) is worth nothing for
 * another. The secrets are made on first use and kept in the database like the Message-ID
 * key, so every instance and every restart signs alike.
 */
@Component
public class InstallationSignatures {

	private final InstallationSecrets secrets;

	private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

	InstallationSignatures(InstallationSecrets secrets) {
		this.secrets = secrets;
	}

	/** The signature of {@code text} for {@code purpose}, base64url without padding. */
	public String sign(String purpose, String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, text));
	}

	/** Whether {@code signature} is the one of {@code text} for {@code purpose}. */
	public boolean verify(String purpose, String text, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(purpose, text), given);
	}

	private byte[] mac(String purpose, String text) {
		SecretKeySpec key = this.keys.computeIfAbsent(purpose,
				(name) -> new SecretKeySpec(java.util.HexFormat.of().parseHex(this.secrets.get("signing-key:" + name)),
						"HmacSHA256"));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
