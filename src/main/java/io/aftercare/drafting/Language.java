package io.aftercare.drafting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language a follow-up can be written in: each has its own templates, so the fallback
 * reads as natural as the rest.
 */
public enum Language {

	ENGLISH("en", "English", "english", "englisch", "anglais", "inglés", "ingles"),

	GERMAN("de", "German", "german", "deutsch", "allemand", "alemán", "aleman"),

	FRENCH("fr", "French", "french", "français", "francais", "französisch", "francés", "frances"),

	SPANISH("es", "Spanish", "spanish", "español", "espanol", "spanisch", "espagnol");

	private final String code;

	private final String label;

	private final List<String> names;

	Language(String code, String label, String... names) {
		this.code = code;
		this.label = label;
		this.names = List.of(names);
	}

	/** The ISO 639-1 code: {@code de}. */
	public String code() {
		return this.code;
	}

	/** Its name in English, as the CSM reads it: {@code German}. */
	public String label() {
		return this.label;
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.code);
	}

	/**
	 * The language a desk's locale ({@code de-CH}, {@code pt_BR}), a code ({@code fr}) or
	 * a name in one of the four languages ({@code German}, {@code deutsch}) stands for;
	 * empty when it is none of ours or blank.
	 */
	public static Optional<Language> of(String said) {
		if (said == null || said.isBlank()) {
			return Optional.empty();
		}
		String text = said.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		String primary = text.contains("-") ? text.substring(0, text.indexOf('-')) : text;
		for (Language language : values()) {
			if (language.code.equals(primary) || language.names.contains(text)) {
				return Optional.of(language);
			}
		}
		return Optional.empty();
	}

	/**
	 * The language to write to a contact in: the one their record or their desk says,
	 * else the one their own comments are written in, else English.
	 * @param contactLanguage the contact's language as recorded, may be {@code null}
	 * @param customerWords the contact's own comments, possibly empty
	 */
	public static Language forContact(String contactLanguage, List<String> customerWords) {
		return of(contactLanguage).or(() -> LanguageGuess.of(customerWords)).orElse(ENGLISH);
	}

}
