package io.aftercare.files.web;

import java.io.IOException;

import io.aftercare.files.TicketImport;
import io.aftercare.files.TicketImport.Format;
import io.aftercare.files.TicketImport.ImportReport;
import io.aftercare.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a ticket file (admins only, as all of {@code /api/ingest}): CSV with a header
 * row, or a JSON array of objects with the same fields. See docs/integrations.md for the
 * columns and {@code docs/samples/tickets.csv} for an example.
 */
@RestController
@Validated
@Tag(name = "Ingestion")
class TicketFileController {

	static final String TEXT_CSV = "text/csv";

	private final TicketImport imports;

	TicketFileController(TicketImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/ingest/files/tickets", consumes = { TEXT_CSV, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Import a ticket file: CSV with a header row, or a JSON array of objects with the same fields",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "array")) }))
	ImportReport importFile(HttpServletRequest request,
			@Parameter(description = "the source of rows without one") @RequestParam(defaultValue = "file") @Pattern(
					regexp = "[a-z0-9][a-z0-9_-]{0,31}",
					message = "is 1 to 32 lower-case letters, digits, - or _") String source,
			@Parameter(
					description = "whether the file is history: its resolutions are announced as a backfill") @RequestParam(
							defaultValue = "true") boolean backfill)
			throws IOException {
		MediaType type = MediaType.parseMediaType(request.getContentType());
		Format format = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? Format.JSON : Format.CSV;
		if (type.getCharset() != null && !type.getCharset().name().equals("UTF-8")) {
			throw new InvalidInputException("A ticket file is read as UTF-8.");
		}
		return this.imports.importTickets(request.getInputStream(), format, source, backfill);
	}

}
