package io.aftercare.connector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A desk that posts webhooks to {@code /webhooks/{name}}: it checks their signature,
 * names each event, and later, in the worker, reads the stored payload into tickets. It
 * speaks only its vendor's wire format.
 */
public interface WebhookSource {

	/** The path segment and the inbox's source, such as {@code zendesk}. */
	String name();

	/** Whether webhooks are configured (a signing secret is set); otherwise refused. */
	boolean enabled();

	/**
	 * Checks the signature over the raw body; throws {@link WebhookRefused} otherwise.
	 * @param header a request header by name, case-insensitive; null when absent
	 * @return when the desk signed the request, if its signature covers a time: the
	 * receiver refuses one signed further from now than {@code webhook-tolerance} (a
	 * replay)
	 */
	Optional<Instant> verify(Function<String, String> header, byte[] body, Instant now);

	/**
	 * The event's id, the same on every redelivery of it; throws {@link WebhookRefused}
	 * when the body is not an event of this desk.
	 */
	String eventId(Function<String, String> header, byte[] body);

	/**
	 * The tickets an event stored in the inbox tells of (none for events that concern no
	 * ticket, a ping), as told: the worker completes a batch's tickets from what is
	 * stored at once. Runs in the worker, never while the webhook waits for its answer;
	 * may ask the vendor's API.
	 */
	List<ToldTicket> read(String payload);

	/**
	 * The body as a JSON object, as every desk's webhooks are; throws
	 * {@link WebhookRefused} otherwise.
	 */
	static JsonNode jsonObject(JsonMapper json, byte[] body) {
		try {
			JsonNode root = json.readTree(body);
			if (root == null || !root.isObject()) {
				throw new WebhookRefused(WebhookRefused.Reason.MALFORMED, "The body is not a JSON object.");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new WebhookRefused(WebhookRefused.Reason.MALFORMED, "The body is not JSON.");
		}
	}

}
