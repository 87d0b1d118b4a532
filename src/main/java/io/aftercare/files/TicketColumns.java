package io.aftercare.files;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.aftercare.connector.DeskAccount;
import io.aftercare.connector.DeskPerson;
import io.aftercare.connector.DeskTicket;
import io.aftercare.ingestion.IncomingKey;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.shared.Text;

/**
 * The columns of a ticket file, the same in CSV (a header row, in any order, any case)
 * and in JSON (the field names of each object). Required: {@code externalId},
 * {@code subject}, {@code status}, {@code openedAt}, and either
 * {@code customerExternalId} or something to match a customer by ({@code organizationId},
 * {@code requesterEmail}). Times are ISO-8601 with an offset
 * ({@code 2026-10-01T09:00:00Z}); tags are separated by {@code |}.
 */
final class TicketColumns {

	static final List<String> ALL = List.of("source", "externalId", "number", "customerSource", "customerExternalId",
			"organizationId", "organizationName", "requesterId", "requesterName", "requesterEmail", "subject",
			"description", "productArea", "priority", "status", "openedAt", "resolvedAt", "reopenedAt", "reopenCount",
			"escalated", "escalatedTo", "resolutionSummary", "satisfactionRating", "tags");

	static final Set<String> KNOWN = Set.copyOf(ALL.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());

	private TicketColumns() {
	}

	/**
	 * A row as a desk ticket. {@code values} by lower-case column name; {@code source}
	 * applies to rows without their own.
	 */
	static DeskTicket read(Map<String, String> values, String defaultSource) {
		String source = or(value(values, "source"), defaultSource);
		String externalId = value(values, "externalId");
		if (externalId == null) {
			throw new IllegalArgumentException("externalId is required");
		}
		String customer = value(values, "customerExternalId");
		String organization = value(values, "organizationId");
		String email = value(values, "requesterEmail");
		if (customer == null && organization == null && email == null) {
			throw new IllegalArgumentException(
					"name the customer (customerExternalId) or what to match one by (organizationId, requesterEmail)");
		}
		String tags = value(values, "tags");
		String reopenCount = value(values, "reopenCount");
		String escalated = value(values, "escalated");
		IncomingTicket ticket = new IncomingTicket(source, externalId, value(values, "number"),
				(customer != null) ? new IncomingKey(or(value(values, "customerSource"), source), customer) : null,
				null, null, value(values, "subject"), value(values, "description"), value(values, "productArea"),
				or(value(values, "priority"), "NORMAL"), value(values, "status"), time(values, "openedAt"),
				time(values, "resolvedAt"), time(values, "reopenedAt"),
				(reopenCount != null) ? integer(reopenCount) : null, null, (escalated != null) ? bool(escalated) : null,
				value(values, "escalatedTo"), value(values, "resolutionSummary"), value(values, "satisfactionRating"),
				(tags != null) ? Arrays.stream(tags.split("\\|")).map(String::trim).toList() : List.of(), null,
				List.of());
		return new DeskTicket(new DeskAccount(source, organization, value(values, "organizationName")),
				new DeskPerson(value(values, "requesterId"), value(values, "requesterName"), email), ticket);
	}

	private static String value(Map<String, String> values, String column) {
		String value = values.get(column.toLowerCase(Locale.ROOT));
		return (value == null || value.isBlank()) ? null : Text.storable(column, value.trim());
	}

	private static String or(String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

	private static Instant time(Map<String, String> values, String column) {
		String value = value(values, column);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(column + " '" + value + "' is not a time like 2026-10-01T09:00:00Z");
		}
	}

	private static int integer(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("reopenCount '" + value + "' is not a whole number");
		}
	}

	private static boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> true;
			case "false", "no", "n", "0" -> false;
			default -> throw new IllegalArgumentException("escalated '" + value + "' is not true or false");
		};
	}

}
