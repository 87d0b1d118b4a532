package io.aftercare.ingestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.aftercare.shared.SourceKey;

/**
 * Turns the forgiving wire format into the strict domain records. Each failure names the
 * field in the sender's terms, because the reason goes back to whoever wrote the
 * connector or the file.
 */
final class Fields {

	private Fields() {
	}

	/** The record's own key. */
	static SourceKey sourceKey(String source, String externalId) {
		return sourceKey("", source, externalId);
	}

	/**
	 * A key of a record named from within another ({@code customer}, {@code requester});
	 * its source, when left out, is the naming record's own.
	 */
	static SourceKey reference(String field, IncomingKey key, String ownSource) {
		return sourceKey(field + ".", isBlank(key.source()) ? ownSource : key.source(), key.externalId());
	}

	/**
	 * The customer a record belongs to, named either as {@code customer: {source,
	 * externalId}} or flat as {@code customerSource} and {@code customerExternalId}.
	 */
	static SourceKey customer(IncomingKey customer, String customerSource, String customerExternalId,
			String ownSource) {
		SourceKey flat = isBlank(customerExternalId) ? null
				: sourceKey("customer", isBlank(customerSource) ? ownSource : customerSource, customerExternalId);
		if (customer == null) {
			if (flat == null) {
				throw new IllegalArgumentException("customer is required (customer.externalId or customerExternalId)");
			}
			return flat;
		}
		SourceKey nested = reference("customer", customer, ownSource);
		if (flat != null && !flat.equals(nested)) {
			throw new IllegalArgumentException("customer and customerExternalId name different customers; send one");
		}
		return nested;
	}

	private static SourceKey sourceKey(String prefix, String source, String externalId) {
		if (isBlank(source)) {
			throw new IllegalArgumentException(prefix + "source is required");
		}
		if (isBlank(externalId)) {
			throw new IllegalArgumentException(prefix + "externalId is required");
		}
		try {
			return new SourceKey(source, externalId);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(prefix + ex.getMessage(), ex);
		}
	}

	/**
	 * An enum constant by name, ignoring case, and '-' or ' ' for '_' ("Mid-market"). A
	 * blank value is left to the domain record, which says whether it is required.
	 */
	static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
		if (isBlank(value)) {
			return null;
		}
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		throw new IllegalArgumentException(field + " " + quoted(value) + " is not one of "
				+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
	}

	/**
	 * Maps each item, naming the failing one by its position ("participants[2]: ...").
	 */
	static <A, B> List<B> each(String field, List<A> items, Function<A, B> mapping) {
		if (items == null) {
			return List.of();
		}
		List<B> mapped = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			A item = items.get(i);
			if (item == null) {
				throw new IllegalArgumentException(field + "[" + i + "] is null");
			}
			try {
				mapped.add(mapping.apply(item));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(field + "[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		return mapped;
	}

	/**
	 * How a record is named in the report, even when it is too broken for a
	 * {@link SourceKey}: {@code zendesk:org-1}, with {@code ?} for a missing part.
	 */
	static String describe(String source, String externalId) {
		if (isBlank(source) && isBlank(externalId)) {
			return null;
		}
		return (isBlank(source) ? "?" : source.trim().toLowerCase(Locale.ROOT)) + ":"
				+ (isBlank(externalId) ? "?" : externalId.trim());
	}

	static String describeCustomer(IncomingKey customer, String customerSource, String customerExternalId,
			String ownSource) {
		if (customer != null) {
			return describe(isBlank(customer.source()) ? ownSource : customer.source(), customer.externalId());
		}
		return describe(isBlank(customerSource) ? ownSource : customerSource, customerExternalId);
	}

	static String blankToNull(String value) {
		return isBlank(value) ? null : value.trim();
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** A sender's value in a reason, cut short: reasons are read, not parsed. */
	static String quoted(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > 40) ? text.substring(0, 40) + "..." : text) + "'";
	}

}
