package io.aftercare.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.aftercare.connector.DeskTicket;
import io.aftercare.connector.ToldTicket;
import io.aftercare.connector.WebhookRefused;
import io.aftercare.connector.WebhookRefused.Reason;
import io.aftercare.connector.WebhookSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Zendesk's webhooks at {@code /webhooks/zendesk}: event subscriptions
 * ({@code zen:event-type:ticket.*}, each with its own {@code id}) and the JSON of a
 * trigger ({@code {"ticket": {...}}}, identified by its signature, which covers its
 * timestamp and body). Each is signed: {@code X-Zendesk-Webhook-Signature} is the Base64
 * HMAC-SHA256 of {@code X-Zendesk-Webhook-Signature-Timestamp}'s value followed by the
 * raw body, keyed by the signing secret exactly as Zendesk shows it; the receiver refuses
 * a timestamp further from our clock than {@code aftercare.connectors.webhook-tolerance}
 * as stale.
 */
@Component
@EnableConfigurationProperties(ZendeskSettings.class)
class ZendeskWebhooks implements WebhookSource {

	static final String SIGNATURE = "X-Zendesk-Webhook-Signature";

	static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";

	private final ZendeskSettings settings;

	private final JsonMapper json;

	private final java.time.Clock clock;

	ZendeskWebhooks(ZendeskSettings settings, JsonMapper json, java.time.Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.json = json;
	}

	@Override
	public String name() {
		return ZendeskTickets.SOURCE;
	}

	@Override
	public boolean enabled() {
		return this.settings.webhooksConfigured();
	}

	@Override
	public Optional<Instant> verify(Function<String, String> header, byte[] body, Instant now) {
		String signature = header.apply(SIGNATURE);
		String timestamp = header.apply(TIMESTAMP);
		if (signature == null || timestamp == null) {
			throw new WebhookRefused(Reason.UNSIGNED,
					"A Zendesk webhook must carry " + SIGNATURE + " and " + TIMESTAMP + ".");
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(signature.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefused(Reason.BAD_SIGNATURE, "The signature is not Base64.");
		}
		boolean matches = false;
		// One secret per webhook: an events webhook and a trigger's webhook have one
		// each.
		for (String secret : this.settings.signingSecrets()) {
			matches |= MessageDigest.isEqual(sign(secret, timestamp, body), given);
		}
		if (!matches) {
			throw new WebhookRefused(Reason.BAD_SIGNATURE,
					"The signature does not match the body and timestamp for the configured signing secret.");
		}
		try {
			return Optional.of(ZendeskTickets.time(timestamp));
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefused(Reason.MALFORMED, "The signature timestamp is not a time.");
		}
	}

	/**
	 * Base64-decodable HMAC-SHA256 of timestamp and body under the secret's UTF-8 bytes.
	 */
	static byte[] sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String eventId(Function<String, String> header, byte[] body) {
		JsonNode root = WebhookSource.jsonObject(this.json, body);
		String type = ZendeskTickets.text(root, "type");
		String id = ZendeskTickets.text(root, "id");
		if (type != null && type.startsWith("zen:event-type:") && id != null) {
			if (id.length() > 190) {
				throw new WebhookRefused(Reason.MALFORMED, "The event id is longer than 190 characters.");
			}
			return id;
		}
		if (root.path("ticket").isObject()) {
			// A trigger's body carries no event id; its signature, over timestamp and
			// body, is the same on a redelivery of the same request and differs for
			// anything else.
			return "trigger:" + header.apply(SIGNATURE).trim();
		}
		throw new WebhookRefused(Reason.MALFORMED,
				"The body is neither a Zendesk event (type zen:event-type:..., id) nor the Aftercare trigger's "
						+ "{\"ticket\": {...}}.");
	}

	@Override
	public List<ToldTicket> read(String payload) {
		JsonNode root = this.json.readTree(payload);
		String type = ZendeskTickets.text(root, "type");
		DeskTicket ticket;
		if (type != null) {
			if (!type.startsWith("zen:event-type:ticket.") || type.endsWith("deleted") || type.endsWith("spam")) {
				// Users, organizations, deletions: nothing for a follow-up.
				return List.of();
			}
			Instant time = ZendeskTickets.time(ZendeskTickets.text(root, "time"));
			ticket = ZendeskTickets.fromEvent(type, time, root.path("detail"), root.path("event"));
		}
		else {
			ticket = ZendeskTickets.fromTrigger(root.path("ticket"));
		}
		return List.of(new ToldTicket(ticket, resolvedOtherwise(root)));
	}

	/** When a ticket told resolved became so, as near as the webhook says. */
	private Instant resolvedOtherwise(JsonNode root) {
		String time = ZendeskTickets.text(root, "time");
		if (time != null) {
			return ZendeskTickets.time(time);
		}
		String updated = ZendeskTickets.text(root.path("ticket"), "updated_at");
		return (updated != null) ? ZendeskTickets.time(updated) : this.clock.instant();
	}

}
