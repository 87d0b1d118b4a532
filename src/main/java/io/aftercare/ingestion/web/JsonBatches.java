package io.aftercare.ingestion.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.aftercare.ingestion.IncomingKey;
import io.aftercare.ingestion.Submission;
import io.aftercare.shared.web.JsonReasons;
import io.aftercare.shared.web.RefusedValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads request bodies record by record, never the whole body at once: a single JSON
 * object, a JSON array of objects, or NDJSON (one object per line). A record that is JSON
 * but does not fit the record type becomes an unreadable {@link Submission} with a
 * reason, and the batch reads on; so does an NDJSON line that is not JSON at all. A JSON
 * body that breaks off cannot be read past the break, so that one fails as a whole.
 */
final class JsonBatches {

	/** Longer lines are rejected unread rather than held in memory. */
	static final int MAX_LINE_LENGTH = 16 * 1024 * 1024;

	private final JsonMapper mapper;

	/**
	 * Reads one value at a time off a longer stream, so what follows it is the next
	 * value, not an error.
	 */
	private final ObjectReader trees;

	JsonBatches(JsonMapper mapper) {
		this.mapper = mapper;
		// Numbers with a fraction or an exponent are kept exact (1e400 is not Infinity),
		// so that the record's own checks can say what is wrong with them.
		this.trees = mapper.reader()
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/** What one kind of record is read as, and how a rejected one is named. */
	record Kind<T>(Class<T> type, Function<JsonNode, String> rawKey) {

		/** The record's own {@code source:externalId}, as far as it can be made out. */
		static String ownKey(JsonNode node) {
			return describe(text(node, "source"), text(node, "externalId"));
		}

		/** A health score is named by its customer, source and time. */
		static String healthScoreKey(JsonNode node) {
			JsonNode customer = node.path("customer");
			String source = text(node, "source");
			String customerKey;
			if (customer.isObject()) {
				String customerSource = text(customer, "source");
				customerKey = describe((customerSource != null) ? customerSource : source,
						text(customer, "externalId"));
			}
			else if (customer.isString()) {
				customerKey = describe(source, customer.stringValue());
			}
			else {
				String customerSource = text(node, "customerSource");
				customerKey = describe((customerSource != null) ? customerSource : source,
						text(node, "customerExternalId"));
			}
			return ((customerKey != null) ? customerKey : "?") + "/" + ((source != null) ? source : "?") + "@"
					+ ((text(node, "recordedAt") != null) ? text(node, "recordedAt") : "?");
		}

		private static String text(JsonNode node, String field) {
			JsonNode value = node.path(field);
			return (value.isString() || value.isNumber()) && !value.asString().isBlank() ? value.asString() : null;
		}

		private static String describe(String source, String externalId) {
			if (source == null && externalId == null) {
				return null;
			}
			return ((source != null) ? source.trim().toLowerCase(Locale.ROOT) : "?") + ":"
					+ ((externalId != null) ? externalId.trim() : "?");
		}

	}

	/**
	 * An {@code application/json} body: one object, or an array read element by element.
	 * Close it when done.
	 */
	<T> JsonBody<T> json(InputStream body, Kind<T> kind) {
		JsonParser parser = parse(() -> this.trees.createParser(body));
		try {
			JsonToken first = parse(parser::nextToken);
			if (first == JsonToken.START_OBJECT) {
				JsonNode node = parse(() -> this.trees.readTree(parser));
				expectEnd(parser, "object");
				return new JsonBody<>(bind(0, node, kind), null, parser);
			}
			if (first == JsonToken.START_ARRAY) {
				return new JsonBody<>(null, new ArrayElements<>(parser, kind), parser);
			}
			throw new UnreadableBodyException((first == null) ? "The body is empty: send a JSON object or an array."
					: "Expected a JSON object or an array of objects, not " + describe(first) + ".");
		}
		catch (RuntimeException ex) {
			parser.close();
			throw ex;
		}
	}

	/** An {@code application/x-ndjson} body; blank lines are skipped and not counted. */
	<T> Iterator<Submission<T>> lines(InputStream body, Charset charset, Kind<T> kind) {
		return new Lines<>(new BufferedReader(new InputStreamReader(body, charset), 64 * 1024), kind);
	}

	/** Either {@code single} or {@code elements} is set. */
	record JsonBody<T>(Submission<T> single, Iterator<Submission<T>> elements,
			JsonParser parser) implements AutoCloseable {

		@Override
		public void close() {
			this.parser.close();
		}

	}

	private <T> Submission<T> bind(int index, JsonNode node, Kind<T> kind) {
		if (node == null) {
			return Submission.unreadable(index, null, "expected a JSON object, found nothing");
		}
		if (!node.isObject()) {
			return Submission.unreadable(index, null, "expected a JSON object, not " + describe(node));
		}
		try {
			return Submission.of(index, this.mapper.treeToValue(node, kind.type()));
		}
		catch (JacksonException ex) {
			return Submission.unreadable(index, kind.rawKey().apply(node), reason(ex));
		}
	}

	/**
	 * Says which field could not be read and what was expected there, in our words (never
	 * Jackson's).
	 */
	static String reason(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() == IncomingKey.class
				&& !(ex instanceof RefusedValueException)) {
			String reason = JsonReasons.describe(ex);
			int field = reason.lastIndexOf(": expected ");
			return ((field >= 0) ? reason.substring(0, field + 2) : "")
					+ "expected a key such as {\"source\":\"zendesk\",\"externalId\":\"org-1\"}";
		}
		return JsonReasons.describe(ex);
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			case START_ARRAY -> "an array";
			default -> token.name().toLowerCase(Locale.ROOT);
		};
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

	private static void expectEnd(JsonParser parser, String what) {
		if (parse(parser::nextToken) != null) {
			throw new UnreadableBodyException("Unexpected content after the " + what + " at "
					+ JsonReasons.where(parser.currentLocation()) + ": send one object or one array.");
		}
	}

	/** Runs a read, turning broken JSON into a 400 that says where it broke. */
	private static <R> R parse(Supplier<R> read) {
		try {
			return read.get();
		}
		catch (JacksonException ex) {
			throw new UnreadableBodyException((ex instanceof StreamConstraintsException) ? JsonReasons.describe(ex)
					: JsonReasons.notValidJson(ex));
		}
	}

	/** The elements of a JSON array, each bound as it is reached. */
	private final class ArrayElements<T> implements Iterator<Submission<T>> {

		private final JsonParser parser;

		private final Kind<T> kind;

		private JsonToken next;

		private int index;

		ArrayElements(JsonParser parser, Kind<T> kind) {
			this.parser = parser;
			this.kind = kind;
		}

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				this.next = parse(this.parser::nextToken);
				if (this.next == null) {
					throw new UnreadableBodyException("The body is not valid JSON: the array is not closed.");
				}
				if (this.next == JsonToken.END_ARRAY) {
					expectEnd(this.parser, "array");
				}
			}
			return this.next != JsonToken.END_ARRAY;
		}

		@Override
		public Submission<T> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			this.next = null;
			JsonNode node = parse(() -> JsonBatches.this.trees.readTree(this.parser));
			return bind(this.index++, node, this.kind);
		}

	}

	/**
	 * The lines of an NDJSON body, each parsed on its own so that a broken one is just
	 * rejected.
	 */
	private final class Lines<T> implements Iterator<Submission<T>> {

		private final Reader reader;

		private final Kind<T> kind;

		private Line next;

		private int lineNumber;

		private int index;

		private boolean finished;

		Lines(Reader reader, Kind<T> kind) {
			this.reader = reader;
			this.kind = kind;
		}

		@Override
		public boolean hasNext() {
			while (this.next == null && !this.finished) {
				Line line = readLine();
				if (line == null) {
					this.finished = true;
				}
				else if (line.tooLong() || !line.text().isBlank()) {
					this.next = line;
				}
			}
			return this.next != null;
		}

		@Override
		public Submission<T> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Line line = this.next;
			this.next = null;
			int at = this.index++;
			if (line.tooLong()) {
				return Submission.unreadable(at, null,
						"line " + line.number() + " is longer than " + MAX_LINE_LENGTH + " characters");
			}
			JsonNode node;
			try (JsonParser parser = JsonBatches.this.trees.createParser(line.text())) {
				node = JsonBatches.this.trees.readTree(parser);
				if (parser.nextToken() != null) {
					return Submission.unreadable(at, null, "line " + line.number()
							+ " holds more than one JSON value; NDJSON has one object per line");
				}
			}
			catch (JacksonException ex) {
				String why = JsonReasons.syntax(ex.getOriginalMessage());
				return Submission.unreadable(at, null,
						"line " + line.number() + " is not valid JSON (column "
								+ ((ex.getLocation() != null) ? ex.getLocation().getColumnNr() : "?") + ")"
								+ ((why != null) ? ": " + why : ""));
			}
			return bind(at, node, this.kind);
		}

		/** The next line without its line break, or null at the end. */
		private Line readLine() {
			try {
				StringBuilder text = new StringBuilder();
				boolean tooLong = false;
				int c = this.reader.read();
				if (c == -1) {
					return null;
				}
				this.lineNumber++;
				if (this.lineNumber == 1 && c == '\uFEFF') {
					c = this.reader.read();
				}
				while (c != -1 && c != '\n') {
					if (text.length() < MAX_LINE_LENGTH) {
						text.append((char) c);
					}
					else {
						tooLong = true;
					}
					c = this.reader.read();
				}
				if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
					text.setLength(text.length() - 1);
				}
				return new Line(this.lineNumber, tooLong ? "" : text.toString(), tooLong);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private record Line(int number, String text, boolean tooLong) {
	}

}
