package io.aftercare.shared;

/**
 * Guards for text that arrives from other systems, so a value that is too long is refused
 * with its field's name instead of failing later in the database.
 */
public final class Text {

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

}
