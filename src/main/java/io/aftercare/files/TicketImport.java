package io.aftercare.files;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aftercare.connector.DeskFeed;
import io.aftercare.connector.DeskTicket;
import io.aftercare.connector.FeedReport;
import io.aftercare.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Imports a ticket file row by row, in chunks of {@value #CHUNK} handed to the
 * {@link DeskFeed}, never holding the file in memory. A row that cannot be read (a
 * required column empty, a time that is no time) is reported with its line or index and
 * the import goes on.
 */
@Service
public class TicketImport {

	/** A desk's export page: large enough for the ingestion's lanes to share. */
	static final int CHUNK = 1000;

	/** Rows reported one by one at most; the rest are counted. */
	static final int REPORTED_ROWS = 100;

	private static final Logger log = LoggerFactory.getLogger(TicketImport.class);

	private final DeskFeed feed;

	private final JsonMapper json;

	TicketImport(DeskFeed feed, JsonMapper json) {
		this.feed = feed;
		this.json = json;
	}

	/** What an import did: the feed's counts, and the rows it could not read. */
	public record ImportReport(int rows, FeedReport stored, int unreadable, List<String> unreadableRows) {
	}

	public enum Format {

		CSV, JSON

	}

	public ImportReport importTickets(InputStream body, Format format, String source, boolean backfill) {
		Iterator<Parsed> rows = (format == Format.CSV) ? csv(body, source) : json(body, source);
		List<DeskTicket> chunk = new ArrayList<>(CHUNK);
		List<String> unreadable = new ArrayList<>();
		int unreadableCount = 0;
		int count = 0;
		FeedReport stored = new FeedReport(0, 0, 0, 0, 0, 0, List.of());
		while (rows.hasNext()) {
			Parsed row = rows.next();
			count++;
			if (row.ticket() != null) {
				chunk.add(row.ticket());
			}
			else {
				unreadableCount++;
				if (unreadable.size() < REPORTED_ROWS) {
					unreadable.add(row.where() + ": " + row.reason());
				}
			}
			if (chunk.size() == CHUNK) {
				stored = add(stored, this.feed.deliver(chunk, backfill));
				chunk = new ArrayList<>(CHUNK);
			}
		}
		stored = add(stored, this.feed.deliver(chunk, backfill));
		log.info("Imported a {} ticket file: {} rows, {} stored, {} held, {} rejected, {} unreadable", format, count,
				stored.stored(), stored.held(), stored.rejected(), unreadableCount);
		return new ImportReport(count, stored, unreadableCount, unreadable);
	}

	/** A row read: its ticket, or where it is and why it could not be read. */
	private record Parsed(DeskTicket ticket, String where, String reason) {
	}

	private Iterator<Parsed> csv(InputStream body, String source) {
		CsvRows rows = new CsvRows(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024));
		if (!rows.hasNext()) {
			throw new InvalidInputException("The file is empty: send a header row and one row per ticket.");
		}
		List<String> header = rows.next()
			.fields()
			.stream()
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.toList();
		if (!header.isEmpty() && header.get(0).startsWith("\ufeff")) {
			header = new ArrayList<>(header);
			header.set(0, header.get(0).substring(1));
		}
		List<String> unknown = header.stream().filter((name) -> !TicketColumns.KNOWN.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException(
					"Unknown columns " + unknown + "; the columns are " + TicketColumns.ALL + ".");
		}
		List<String> columns = header;
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return rows.hasNext();
			}

			@Override
			public Parsed next() {
				CsvRows.Row row = rows.next();
				String where = "line " + row.line();
				if (row.fields().size() != columns.size()) {
					return new Parsed(null, where,
							"has " + row.fields().size() + " fields, the header " + columns.size());
				}
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					values.put(columns.get(i), row.fields().get(i));
				}
				return parsed(values, source, where);
			}
		};
	}

	private Iterator<Parsed> json(InputStream body, String source) {
		JsonParser parser;
		try {
			parser = this.json.createParser(body);
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new InvalidInputException("A JSON ticket file is an array of objects.");
			}
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("The file is not JSON.");
		}
		return new Iterator<>() {
			private int index;

			private JsonToken token = advance();

			private JsonToken advance() {
				try {
					return parser.nextToken();
				}
				catch (JacksonException ex) {
					this.broken = true;
					return null;
				}
			}

			private boolean broken;

			@Override
			public boolean hasNext() {
				return this.broken || (this.token != null && this.token != JsonToken.END_ARRAY);
			}

			@Override
			public Parsed next() {
				String where = "index " + this.index++;
				if (this.broken || this.token == null) {
					this.broken = false;
					this.token = null;
					return new Parsed(null, where, "the JSON breaks here; nothing after it was read");
				}
				try {
					JsonNode node = parser.readValueAsTree();
					this.token = advance();
					if (!node.isObject()) {
						return new Parsed(null, where, "is not an object");
					}
					Map<String, String> values = new HashMap<>();
					for (String name : node.propertyNames()) {
						JsonNode value = node.get(name);
						String text = value.isArray()
								? String.join("|", value.valueStream().map(JsonNode::asString).toList())
								: value.isNull() ? null : value.asString();
						values.put(name.toLowerCase(Locale.ROOT), text);
					}
					return parsed(values, source, where);
				}
				catch (JacksonException ex) {
					this.token = null;
					return new Parsed(null, where, "the JSON breaks here; nothing after it was read");
				}
			}
		};
	}

	private static Parsed parsed(Map<String, String> values, String source, String where) {
		try {
			return new Parsed(TicketColumns.read(values, source), where, null);
		}
		catch (IllegalArgumentException ex) {
			return new Parsed(null, where, ex.getMessage());
		}
	}

	private static FeedReport add(FeedReport a, FeedReport b) {
		List<String> reasons = new ArrayList<>(a.rejections());
		reasons.addAll(b.rejections());
		return new FeedReport(a.received() + b.received(), a.created() + b.created(), a.updated() + b.updated(),
				a.unchanged() + b.unchanged(), a.held() + b.held(), a.rejected() + b.rejected(),
				reasons.subList(0, Math.min(REPORTED_ROWS, reasons.size())));
	}

}
