package io.aftercare.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards for text that arrives from other systems and from people, so that a value that
 * cannot be stored, cannot go into a mail header, or is too long is refused with its
 * field's name instead of failing later in the database or at send time.
 */
public final class Text {

	/**
	 * An address we can send to: the dot-atom of RFC 5322 in ASCII, with a domain of at
	 * least two labels. International domains arrive in their {@code xn--} form.
	 */
	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private Text() {
	}

	/**
	 * The value, or an {@link IllegalArgumentException} naming the field when it is too
	 * long.
	 */
	public static String atMost(int length, String field, String value) {
		if (value != null && value.length() > length) {
			throw new IllegalArgumentException(field + " is longer than " + length + " characters");
		}
		return value;
	}

	/**
	 * The value's first {@code length} characters at most, never half a character: a cut
	 * through a surrogate pair would leave a lone half, which cannot be stored
	 * ({@link #unstorable}).
	 */
	public static String cut(int length, String value) {
		if (value == null || value.length() <= length) {
			return value;
		}
		return value.substring(0, Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length);
	}

	/**
	 * Why the text cannot be stored the same way on every database, or {@code null} when
	 * it can. PostgreSQL refuses the NUL character; a lone UTF-16 surrogate (half of a
	 * character) has no UTF-8 form and would be silently replaced.
	 */
	public static String unstorable(String value) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u0000') {
				return "contains a NUL character (U+0000), which cannot be stored";
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "contains a broken character (a lone UTF-16 surrogate), which cannot be stored";
			}
		}
		return null;
	}

	/** The value, or an {@link IllegalArgumentException} when it cannot be stored. */
	public static String storable(String field, String value) {
		String problem = unstorable(value);
		if (problem != null) {
			throw new IllegalArgumentException(field + " " + problem);
		}
		return value;
	}

	/**
	 * Whether the text holds a line break or a control character (Unicode categories Cc,
	 * Zl, Zp), which must never reach a mail header.
	 */
	public static boolean breaksLine(String value) {
		return value != null && value.chars().anyMatch((c) -> {
			int type = Character.getType(c);
			return type == Character.CONTROL || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR;
		});
	}

	/**
	 * The value without Unicode format characters (category Cf): bidirectional overrides
	 * and isolates, zero-width spaces and joiners, the byte order mark, soft hyphens.
	 * They are invisible, so in a subject or a sender's name they can only make the text
	 * read differently from what it is.
	 */
	public static String withoutFormatCharacters(String value) {
		if (value == null || value.chars().noneMatch((c) -> Character.getType(c) == Character.FORMAT)) {
			return value;
		}
		StringBuilder kept = new StringBuilder(value.length());
		value.codePoints().filter((c) -> Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/**
	 * Text fit for a mail header (a subject, a person's name): one line, invisible format
	 * characters removed, trimmed.
	 * @throws IllegalArgumentException naming the field when it breaks the line
	 */
	public static String headerText(String field, String value) {
		if (value == null) {
			return null;
		}
		if (breaksLine(value)) {
			throw new IllegalArgumentException(field + " must be one line, without line breaks or control characters");
		}
		return withoutFormatCharacters(value).strip();
	}

	/**
	 * Whether a message can be addressed to it: an ASCII address of the usual
	 * {@code local@domain.example} form, no longer than 254 characters, without spaces,
	 * quotes, line breaks or control characters.
	 */
	public static boolean isEmailAddress(String value) {
		return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
	}

	/**
	 * The domain an address is at, in lower case: what follows its last {@code @},
	 * trimmed, or {@code null} when that is not a domain of at least two labels. One rule
	 * for the domain a contact is stored with and the one a desk's requester is matched
	 * by.
	 */
	public static String emailDomain(String address) {
		int at = (address != null) ? address.lastIndexOf('@') : -1;
		String domain = (at > 0) ? address.substring(at + 1).strip().toLowerCase(Locale.ROOT) : "";
		return (domain.contains(".") && domain.length() <= 253) ? domain : null;
	}

	/**
	 * The trimmed address, {@code null} for a blank one, or an
	 * {@link IllegalArgumentException} naming the field when no email could be sent to
	 * it.
	 */
	public static String emailAddress(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String address = value.strip();
		if (!isEmailAddress(address)) {
			throw new IllegalArgumentException(field + " is not an address we can send to: use the form "
					+ "name@example.com, without spaces, line breaks or other special characters");
		}
		return address;
	}

}
