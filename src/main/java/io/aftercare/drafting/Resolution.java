package io.aftercare.drafting;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a ticket's resolution summary says support did, read from its wording so the email
 * can ask about it and describe the status honestly.
 *
 * @param guide the guide, docs or article that was provided, as the email should name it
 * ({@code optimization guide}), or {@code null}
 * @param fixed whether limits, configuration or settings were changed, or a fix or patch
 * deployed
 * @param workaround whether the customer got a workaround rather than a permanent fix
 * @param credit {@code refund} or {@code credit} when money went back to the customer,
 * otherwise {@code null}
 */
record Resolution(String guide, boolean fixed, boolean workaround, String credit, boolean limitRaised) {

	private static final Pattern GUIDE = Pattern.compile(
			"(?:\\b([\\p{L}\\p{N}-]+)\\s+)?\\b(guides?|docs|documentation|articles?|walk-?throughs?|tutorials?"
					+ "|anleitung|leitfaden|dokumentation|guía|guia|documentación|artículo)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern FIX = Pattern.compile(
			"\\b(limits?|quotas?|config|configuration|settings?|fix|fixed|fixes|hotfix|patch|patched|deployed"
					+ "|behoben|korrigiert|einstellungen?|konfiguration|limite|corrigé|correctif|paramètres?"
					+ "|límite|corregido|solucionado|configuración|ajustes?)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	// "Rate limits increased 3x", "raised the API quota": the question is whether it is
	// enough now.
	private static final Pattern LIMIT_RAISED = Pattern.compile(
			"\\b(limits?|quotas?|limite|límite)\\b.{0,20}\\b(increased|raised|lifted|doubled|tripled|erhöht|augmentée?|relevée?|aumentado|ampliado)\\b"
					+ "|\\b(increased|raised|lifted|doubled|tripled|erhöht|augmenté|relevé|aumentado|ampliado)\\b.{0,20}\\b(limits?|quotas?|limite|límite)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern WORKAROUND = Pattern.compile(
			"\\bwork[- ]?arounds?\\b|übergangslösung|umgehungslösung|contournement|solución temporal|solución provisional",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern REFUND = Pattern.compile("\\brefund(s|ed)?\\b|rückerstatt|rembours|reembols",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// Money went back. A billing fix or an invoice export is no credit: asking whether
	// one "has shown up" would puzzle the customer.
	private static final Pattern CREDIT = Pattern.compile("\\bcredit(s|ed)?\\b|gutschrift|\\bun avoir\\b|crédito",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// Words that may stand before "guide" but say nothing about which guide it was.
	private static final Set<String> NOT_A_GUIDE_NAME = Set.of("a", "an", "the", "our", "your", "their", "this", "that",
			"and", "plus", "with", "via", "see", "per", "provided", "shared", "sent", "linked", "gave", "given",
			"added", "new");

	static Resolution read(String summary) {
		if (summary == null || summary.isBlank()) {
			return new Resolution(null, false, false, null, false);
		}
		String credit = REFUND.matcher(summary).find() ? "refund" : CREDIT.matcher(summary).find() ? "credit" : null;
		return new Resolution(guideIn(summary), FIX.matcher(summary).find(), WORKAROUND.matcher(summary).find(), credit,
				LIMIT_RAISED.matcher(summary).find());
	}

	private static String guideIn(String summary) {
		Matcher matcher = GUIDE.matcher(summary);
		if (!matcher.find()) {
			return null;
		}
		String noun = matcher.group(2).toLowerCase(Locale.ROOT);
		String modifier = matcher.group(1);
		if (modifier == null || NOT_A_GUIDE_NAME.contains(modifier.toLowerCase(Locale.ROOT))) {
			return noun;
		}
		// Keep acronyms such as "KB" or "API" as written; "Optimization" at the start of
		// the summary is just capitalised.
		boolean acronym = modifier.equals(modifier.toUpperCase(Locale.ROOT));
		return (acronym ? modifier : modifier.toLowerCase(Locale.ROOT)) + " " + noun;
	}

	/**
	 * The current status as the recap states it.
	 */
	String status() {
		return status(Wording.of(Language.ENGLISH));
	}

	/** The current status as the recap states it, in the wording's language. */
	String status(Wording wording) {
		if (this.workaround) {
			return wording.statusWorkaround();
		}
		if (this.credit != null && !this.fixed) {
			return wording.statusResolved();
		}
		return wording.statusOperational();
	}

}
