package io.aftercare.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads CSV as RFC 4180 writes it, record by record, never the whole file: fields
 * separated by commas, quoted with double quotes when they hold commas, quotes (doubled)
 * or line breaks; records end with CRLF or LF. Each record knows the line it started on.
 */
final class CsvRows implements Iterator<CsvRows.Row> {

	/** A longer field is refused rather than held in memory. */
	static final int MAX_FIELD = 200_000;

	record Row(int line, List<String> fields) {
	}

	private final Reader in;

	private int line = 1;

	private Row next;

	private boolean done;

	CsvRows(Reader in) {
		this.in = in;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.done) {
			this.next = read();
		}
		return this.next != null;
	}

	@Override
	public Row next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		Row row = this.next;
		this.next = null;
		return row;
	}

	private Row read() {
		try {
			int start = this.line;
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			int c;
			while ((c = this.in.read()) != -1) {
				any = true;
				if (quoted) {
					if (c == '"') {
						this.in.mark(1);
						int after = this.in.read();
						if (after == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							if (after != -1) {
								this.in.reset();
							}
						}
					}
					else {
						if (c == '\n') {
							this.line++;
						}
						append(field, c);
					}
				}
				else if (c == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (c == ',') {
					fields.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n') {
					this.line++;
					fields.add(strip(field));
					return blank(fields) ? read() : new Row(start, fields);
				}
				else {
					append(field, c);
				}
			}
			this.done = true;
			if (!any) {
				return null;
			}
			if (quoted) {
				throw new IllegalArgumentException("line " + start + ": a quoted field is not closed");
			}
			fields.add(strip(field));
			return blank(fields) ? null : new Row(start, fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void append(StringBuilder field, int c) {
		if (field.length() >= MAX_FIELD) {
			throw new IllegalArgumentException("a field is longer than " + MAX_FIELD + " characters");
		}
		field.append((char) c);
	}

	/** A CRLF line end leaves a CR on the last field. */
	private static String strip(StringBuilder field) {
		int length = field.length();
		return (length > 0 && field.charAt(length - 1) == '\r') ? field.substring(0, length - 1) : field.toString();
	}

	private static boolean blank(List<String> fields) {
		return fields.size() == 1 && fields.get(0).isBlank();
	}

}
