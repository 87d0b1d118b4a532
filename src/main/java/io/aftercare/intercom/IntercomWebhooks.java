package io.aftercare.intercom;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
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
 * Intercom's webhook notifications at {@code /webhooks/intercom}, signed with
 * {@code X-Hub-Signature: sha1=} and the hex HMAC-SHA1 of the raw body keyed by the app's
 * client secret. A notification's {@code id} is the same on every redelivery; one created
 * longer ago than {@code webhook-max-age} is refused as stale. The conversation topics
 * that mean closed, reopened, replied or rated become tickets; others are acknowledged
 * and ignored.
 */
@Component
@EnableConfigurationProperties(IntercomSettings.class)
class IntercomWebhooks implements WebhookSource {

	static final String SIGNATURE = "X-Hub-Signature";

	/** Topics whose item is a conversation whose state, replies or rating we keep. */
	static final Set<String> CONVERSATION_TOPICS = Set.of("conversation.admin.closed", "conversation.admin.opened",
			"conversation.admin.replied", "conversation.user.replied", "conversation.user.created",
			"conversation.admin.snoozed", "conversation.admin.unsnoozed", "conversation.admin.noted",
			"conversation.rating.added", "conversation.admin.assigned");

	private final IntercomSettings settings;

	private final JsonMapper json;

	IntercomWebhooks(IntercomSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
	}

	@Override
	public String name() {
		return IntercomConversations.SOURCE;
	}

	@Override
	public boolean enabled() {
		return this.settings.webhooksConfigured();
	}

	@Override
	public Optional<Instant> verify(Function<String, String> header, byte[] body, Instant now) {
		String signature = header.apply(SIGNATURE);
		if (signature == null) {
			throw new WebhookRefused(Reason.UNSIGNED, "An Intercom notification must carry " + SIGNATURE + ".");
		}
		String hex = signature.trim().toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha1=")) {
			hex = hex.substring(5);
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefused(Reason.BAD_SIGNATURE, "The signature is not sha1= and 40 hex digits.");
		}
		if (!MessageDigest.isEqual(sign(this.settings.clientSecret(), body), given)) {
			throw new WebhookRefused(Reason.BAD_SIGNATURE,
					"The signature does not match the body for the configured client secret.");
		}
		JsonNode createdAt = WebhookSource.jsonObject(this.json, body).path("created_at");
		Instant created = IntercomConversations.seconds(createdAt);
		if (created == null && !createdAt.isMissingNode() && !createdAt.isNull()) {
			throw new WebhookRefused(Reason.MALFORMED,
					"The notification's created_at is not a time: whole seconds since 1970, before the year 10000.");
		}
		if (created != null && Duration.between(created, now).compareTo(this.settings.webhookMaxAge()) > 0) {
			throw new WebhookRefused(Reason.STALE, "The notification was created at " + created + ", longer ago than "
					+ this.settings.webhookMaxAge() + " allows.");
		}
		// The signature covers no time: Intercom retries a notification for hours, so
		// its age is checked above, against its own limit.
		return Optional.empty();
	}

	static byte[] sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String eventId(Function<String, String> header, byte[] body) {
		JsonNode root = WebhookSource.jsonObject(this.json, body);
		String id = IntercomConversations.text(root, "id");
		if (!"notification_event".equals(IntercomConversations.text(root, "type")) || id == null
				|| IntercomConversations.text(root, "topic") == null) {
			throw new WebhookRefused(Reason.MALFORMED,
					"The body is not an Intercom notification (type notification_event, id, topic).");
		}
		if (id.length() > 190) {
			throw new WebhookRefused(Reason.MALFORMED, "The notification id is longer than 190 characters.");
		}
		return id;
	}

	@Override
	public List<ToldTicket> read(String payload) {
		JsonNode root = this.json.readTree(payload);
		String topic = IntercomConversations.text(root, "topic");
		JsonNode item = root.path("data").path("item");
		if (topic == null || !CONVERSATION_TOPICS.contains(topic)
				|| !"conversation".equals(IntercomConversations.text(item, "type"))) {
			return List.of();
		}
		String email = null;
		String company = null;
		String contact = IntercomConversations.text(item.path("contacts").path("contacts").path(0), "id");
		if (this.settings.apiConfigured() && contact != null) {
			IntercomApi.Contact known = new IntercomApi(this.settings, this.json).contact(contact);
			email = known.email();
			company = known.companyId();
		}
		DeskTicket ticket = IntercomConversations.conversation(item, email, company, null);
		Instant updated = IntercomConversations.seconds(item.path("updated_at"));
		return List.of(new ToldTicket(ticket, (updated != null) ? updated : Instant.now()));
	}

}
