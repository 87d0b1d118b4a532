package io.aftercare.connector.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.aftercare.connector.ConnectorSettings;
import io.aftercare.connector.InboxWorker;
import io.aftercare.connector.WebhookInbox;
import io.aftercare.connector.WebhookInbox.Receipt;
import io.aftercare.connector.WebhookRefused;
import io.aftercare.connector.WebhookSource;
import io.aftercare.shared.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the desks' webhooks. Authenticated by their signature only: no session, no
 * password. A verified webhook is stored in the inbox and answered at once; the worker
 * processes it afterwards. Anything refused is answered with a 4xx problem detail,
 * counted by reason and logged, without its body or any secret.
 */
@RestController
@Tag(name = "Webhooks", description = "Where Zendesk and Intercom post events (signed; no user authentication)")
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final Map<String, WebhookSource> sources;

	private final WebhookInbox inbox;

	private final InboxWorker worker;

	private final MeterRegistry meters;

	private final Clock clock;

	private final ConnectorSettings settings;

	WebhookController(List<WebhookSource> sources, WebhookInbox inbox, InboxWorker worker, MeterRegistry meters,
			Clock clock, ConnectorSettings settings) {
		this.sources = sources.stream().collect(Collectors.toMap(WebhookSource::name, Function.identity()));
		this.inbox = inbox;
		this.worker = worker;
		this.meters = meters;
		this.clock = clock;
		this.settings = settings;
	}

	@PostMapping(path = "/webhooks/{source}")
	@Operation(summary = "A desk's signed webhook (Zendesk: X-Zendesk-Webhook-Signature and -Timestamp; "
			+ "Intercom: X-Hub-Signature); 200 once stored, also for a redelivery")
	ResponseEntity<?> receive(@PathVariable String source, HttpServletRequest request) throws IOException {
		WebhookSource desk = this.sources.get(source);
		try {
			if (desk == null || !desk.enabled()) {
				throw new WebhookRefused(WebhookRefused.Reason.NOT_CONFIGURED,
						"No desk receives webhooks at this address.");
			}
			byte[] body = read(request.getInputStream());
			Function<String, String> header = request::getHeader;
			Instant now = this.clock.instant();
			desk.verify(header, body, now).ifPresent((signedAt) -> notStale(signedAt, now));
			String eventId = desk.eventId(header, body);
			Receipt receipt = this.inbox.store(source, eventId, new String(body, StandardCharsets.UTF_8));
			this.meters
				.counter("aftercare.webhooks.received", "source", source, "receipt", receipt.name().toLowerCase())
				.increment();
			if (receipt == Receipt.STORED) {
				this.worker.wakeUp();
			}
			return ResponseEntity.ok(Map.of("received", receipt.name()));
		}
		catch (WebhookRefused refused) {
			String counted = (desk != null) ? source : "unknown";
			this.meters
				.counter("aftercare.webhooks.refused", "source", counted, "reason",
						refused.reason().name().toLowerCase())
				.increment();
			log.warn("Webhook refused for {} from {}: {} ({})", counted, request.getRemoteAddr(), refused.reason(),
					refused.getMessage());
			HttpStatus status = HttpStatus.valueOf(refused.reason().status());
			ProblemDetail problem = Problems.of(status,
					"webhook-" + refused.reason().name().toLowerCase().replace('_', '-'), "Webhook refused",
					refused.getMessage());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	/**
	 * A request signed long ago, or far ahead, is a replay or comes from a clock far off.
	 */
	private void notStale(Instant signedAt, Instant now) {
		Duration tolerance = this.settings.webhookTolerance();
		if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
			throw new WebhookRefused(WebhookRefused.Reason.STALE, "The webhook was signed at " + signedAt
					+ ", further from now than the " + tolerance.toMinutes() + " minutes allowed.");
		}
	}

	private byte[] read(InputStream in) throws IOException {
		int maxBytes = this.settings.webhookMaxBytes();
		byte[] body = in.readNBytes(maxBytes + 1);
		if (body.length > maxBytes) {
			throw new WebhookRefused(WebhookRefused.Reason.TOO_LARGE,
					"The body is larger than " + maxBytes + " bytes.");
		}
		return body;
	}

}
