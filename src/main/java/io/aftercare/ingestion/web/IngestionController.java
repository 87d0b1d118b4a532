package io.aftercare.ingestion.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import io.aftercare.ingestion.IncomingContact;
import io.aftercare.ingestion.IncomingCustomer;
import io.aftercare.ingestion.IncomingHealthScore;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.ingestion.Ingestion;
import io.aftercare.ingestion.IngestionInterrupted;
import io.aftercare.ingestion.IngestionReport;
import io.aftercare.ingestion.RecordOutcome;
import io.aftercare.ingestion.Submission;
import io.aftercare.shared.web.Problems;
import io.aftercare.ingestion.web.JsonBatches.JsonBody;
import io.aftercare.ingestion.web.JsonBatches.Kind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin-only door for data from other systems. Each endpoint takes one JSON object
 * (answered with that record's outcome: 201 created, 200 updated or unchanged, 422
 * rejected), a JSON array of them, or an NDJSON stream (both answered with a report of
 * every record).
 */
@RestController
@Tag(name = "Ingestion", description = "Feed customers, contacts, health scores and tickets in (admins only)")
class IngestionController {

	private static final Kind<IncomingCustomer> CUSTOMERS = new Kind<>(IncomingCustomer.class, Kind::ownKey);

	private static final Kind<IncomingContact> CONTACTS = new Kind<>(IncomingContact.class, Kind::ownKey);

	private static final Kind<IncomingHealthScore> HEALTH_SCORES = new Kind<>(IncomingHealthScore.class,
			Kind::healthScoreKey);

	private static final Kind<IncomingTicket> TICKETS = new Kind<>(IncomingTicket.class, Kind::ownKey);

	private final Ingestion ingestion;

	private final JsonBatches batches;

	IngestionController(Ingestion ingestion, JsonMapper mapper) {
		this.ingestion = ingestion;
		this.batches = new JsonBatches(mapper);
	}

	@PostMapping(path = "/api/ingest/customers",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@Operation(summary = "Create or update customers: one JSON object, a JSON array, or NDJSON",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(schema = @Schema(implementation = IncomingCustomer.class))),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
									schema = @Schema(implementation = IncomingCustomer.class)) }))
	@IngestionResponses
	ResponseEntity<?> customers(HttpServletRequest request) throws IOException {
		return receive(request, CUSTOMERS, this.ingestion::customers);
	}

	@PostMapping(path = "/api/ingest/contacts",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@Operation(summary = "Create or update contacts of customers: one JSON object, a JSON array, or NDJSON",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(schema = @Schema(implementation = IncomingContact.class))),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
									schema = @Schema(implementation = IncomingContact.class)) }))
	@IngestionResponses
	ResponseEntity<?> contacts(HttpServletRequest request) throws IOException {
		return receive(request, CONTACTS, this.ingestion::contacts);
	}

	@PostMapping(path = "/api/ingest/health-scores",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@Operation(summary = "Record customer health scores: one JSON object, a JSON array, or NDJSON",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(schema = @Schema(implementation = IncomingHealthScore.class))),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
									schema = @Schema(implementation = IncomingHealthScore.class)) }))
	@IngestionResponses
	ResponseEntity<?> healthScores(HttpServletRequest request) throws IOException {
		return receive(request, HEALTH_SCORES, this.ingestion::healthScores);
	}

	@PostMapping(path = "/api/ingest/tickets",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@Operation(summary = "Create or update support tickets: one JSON object, a JSON array, or NDJSON",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(schema = @Schema(implementation = IncomingTicket.class))),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
									schema = @Schema(implementation = IncomingTicket.class)) }))
	@IngestionResponses
	ResponseEntity<?> tickets(HttpServletRequest request, @Parameter(
			description = "true for history being loaded (a first import): its resolutions start no follow-ups") @RequestParam(
					defaultValue = "false") boolean backfill)
			throws IOException {
		return receive(request, TICKETS, (batch) -> this.ingestion.tickets(batch, backfill));
	}

	private <T> ResponseEntity<?> receive(HttpServletRequest request, Kind<T> kind,
			Function<Iterator<Submission<T>>, IngestionReport> door) throws IOException {
		MediaType contentType = MediaType.parseMediaType(request.getContentType());
		if (MediaType.APPLICATION_NDJSON.isCompatibleWith(contentType)) {
			Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
			return ResponseEntity.ok(door.apply(this.batches.lines(request.getInputStream(), charset, kind)));
		}
		try (JsonBody<T> body = this.batches.json(request.getInputStream(), kind)) {
			if (body.single() == null) {
				return ResponseEntity.ok(door.apply(body.elements()));
			}
			RecordOutcome outcome = door.apply(List.of(body.single()).iterator()).records().get(0);
			return switch (outcome.outcome()) {
				case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(outcome);
				case UPDATED, UNCHANGED -> ResponseEntity.ok(outcome);
				case REJECTED -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(rejected(outcome));
			};
		}
	}

	private static ProblemDetail rejected(RecordOutcome outcome) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "record-rejected", "Record rejected",
				outcome.reason());
		if (outcome.key() != null) {
			problem.setProperty("key", outcome.key());
		}
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(UnreadableBodyException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", ex.getMessage()));
	}

	/**
	 * A JSON array that breaks off: every record before the break was processed and stays
	 * so, and the problem says exactly which (indexes 0 to n-1, each in the report), so
	 * that the sender knows where to resume.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> interrupted(IngestionInterrupted ex) {
		if (!(ex.getCause() instanceof UnreadableBodyException unreadable)) {
			throw ex;
		}
		IngestionReport storedBefore = ex.storedBefore();
		int received = storedBefore.received();
		String processed = switch (received) {
			case 0 -> " Nothing was stored.";
			case 1 -> " The record before the break (index 0) was processed (see report); nothing after it was read.";
			default -> " The " + received + " records before the break (indexes 0 to " + (received - 1)
					+ ") were processed (see report); nothing after them was read.";
		};
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
				unreadable.getMessage() + processed);
		problem.setProperty("report", storedBefore);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** What every ingestion endpoint answers, described once. */
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "200", description = "a report for an array or a stream; the outcome of one object",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = IngestionReport.class)))
	@ApiResponse(responseCode = "201", description = "the single object was created",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RecordOutcome.class)))
	@ApiResponse(responseCode = "422", description = "the single object was rejected; detail says why",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface IngestionResponses {

	}

}
