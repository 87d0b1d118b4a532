package io.aftercare.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zendesk's signature, checked against vectors made outside our code.
 */
class ZendeskSignatureTests {

	/**
	 * The one vector Zendesk publishes, in the Node.js example of "Verifying webhook
	 * authenticity" under
	 * developer.zendesk.com/documentation/event-connectors/webhooks/verifying/: secret
	 * {@code HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=}, body {@code {"say":
	 * "hello"}}, timestamp {@code 2021-07-25T10:00:00Z}, signature
	 * {@code tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=}. That page writes the signed
	 * message as body then timestamp, and its vector holds only in that order; the
	 * current page (developer.zendesk.com/documentation/webhooks/verifying/) and every
	 * implementation we know sign timestamp then body, which is what we verify. The
	 * vector still proves what both pages share: the key is the secret's UTF-8 bytes as
	 * shown (not Base64-decoded, though it looks like Base64), HMAC-SHA256, the binary
	 * digest in standard Base64.
	 */
	@Test
	void reproducesZendesksPublishedVectorWithTheSecretTakenAsItIsShown() {
		byte[] body = "2021-07-25T10:00:00Z".getBytes(StandardCharsets.UTF_8);
		// sign(secret, first, rest) signs first + rest: here the page's own order, body
		// first.
		byte[] signature = ZendeskWebhooks.sign("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=", "{\"say\": \"hello\"}",
				body);

		assertThat(Base64.getEncoder().encodeToString(signature))
			.isEqualTo("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=");
	}

	/**
	 * Timestamp then body, as Zendesk signs today, against a vector computed apart from
	 * our code with {@code printf '%s' '2021-07-25T10:00:00Z{"say": "hello"}' | openssl
	 * dgst -sha256 -hmac 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==' -binary | base64}
	 * (the secret of Zendesk's own example on the current page).
	 */
	@Test
	void signsTimestampThenBodyAsAnIndependentlyComputedVectorSays() {
		byte[] signature = ZendeskWebhooks.sign("dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==", "2021-07-25T10:00:00Z",
				"{\"say\": \"hello\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(Base64.getEncoder().encodeToString(signature))
			.isEqualTo("gf3v0LzLRHPUnIdhbvwRDVEvzSb07/QN0GYjSNlkBT0=");
	}

}
