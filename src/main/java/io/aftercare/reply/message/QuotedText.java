package io.aftercare.reply.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The customer's own words of a reply: the text above the quoted history (Gmail's "On …
 * wrote:", Outlook's "From: … Sent: …" block, "-----Original Message-----", and their
 * German, French, Spanish and Italian forms), without "&gt;" quoted lines, the signature
 * after "-- ", a mobile footer ("Sent from my iPhone") or a sign-off with the few lines
 * of name and title after it. No Java library on Maven Central does this; the rules are
 * those of the open-source reply parsers (github/email_reply_parser, mailgun/talon) and
 * are tested on their fixtures.
 */
public final class QuotedText {

	/**
	 * A reply's own words, cut after this many characters: a reply is read, not stored.
	 */
	static final int MAX = 4000;

	private static final String WROTE = "(wrote|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|schreef|skrev|kirjoitti)";

	/** "On Tue, 3 Apr 2012, Bob <bob@x> wrote:", possibly wrapped over three lines. */
	private static final Pattern ON_WROTE = Pattern.compile(
			"(?is)^[\\s-]*(on|am|le|el|il|op|den|på|em)\\b.{0,300}?\\b" + WROTE + "(\\s*:?|\\b.{0,200}?:)\\s*-*\\s*$");

	/** "2012/4/3 Bob <bob@x>" and other date-first forms end with the same verb. */
	private static final Pattern SOMEONE_WROTE = Pattern
		.compile("(?is)^.{0,200}<[^>]+@[^>]+>.{0,80}\\b" + WROTE + "\\s*:\\s*$");

	private static final Pattern ORIGINAL_MESSAGE = Pattern
		.compile("(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|originalnachricht|message d'origine|"
				+ "message original|mensaje original|messaggio originale|forwarded message|"
				+ "weitergeleitete nachricht|message transféré|mensaje reenviado)\\s*-{2,}\\s*$");

	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{8,}\\s*$");

	private static final Pattern FROM_FIELD = Pattern
		.compile("(?i)^\\s*\\*?(from|von|de|da|van|från)\\s*:\\*?\\s*\\S.*$");

	private static final Pattern OTHER_FIELD = Pattern.compile(
			"(?i)^\\s*\\*?(sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|date|à|objet|enviado|fecha|para|"
					+ "asunto|inviato|oggetto|a)\\s*:\\*?.*$");

	private static final Pattern SIGNATURE = Pattern.compile("^-- ?$|^—\\s*$|^__\\s*$");

	private static final Pattern MOBILE = Pattern.compile("(?i)^\\s*(sent from my|sent with|sent from mail for|"
			+ "get outlook for|von meinem .{0,40} gesendet|gesendet von meinem|envoyé de mon|envoyé depuis|"
			+ "enviado desde mi|enviado desde|inviato da|sent via|sent using)\\b.*$");

	private static final Pattern SIGN_OFF = Pattern.compile("(?i)^\\s*(best|best regards|kind regards|regards|"
			+ "warm regards|many thanks|thanks( again)?|thank you|cheers|all the best|sincerely|yours|"
			+ "mit freundlichen grüßen|mit freundlichen gruessen|viele grüße|beste grüße|lg|gruß|grüße|"
			+ "cordialement|bien cordialement|bien à vous|merci|salutations|saludos|un saludo|atentamente|"
			+ "cordiali saluti|saluti)[,.!]*\\s*$");

	private static final int SIGN_OFF_TAIL = 4;

	private QuotedText() {
	}

	/** The reply's own words, trimmed; empty when it has none. */
	public static String strip(String text) {
		if (text == null) {
			return "";
		}
		List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
		int end = quoteStart(lines);
		List<String> own = new ArrayList<>();
		for (String line : lines.subList(0, end)) {
			if (line.stripLeading().startsWith(">")) {
				continue;
			}
			own.add(line.stripTrailing());
		}
		own = withoutSignature(own);
		String result = String.join("\n", own).replaceAll("\\n{3,}", "\n\n").strip();
		if (result.isEmpty() && end + 1 < lines.size()) {
			// Written below the quote (Thunderbird's bottom-posting): the words after it.
			return strip(String.join("\n", lines.subList(end + 1, lines.size())));
		}
		return (result.length() > MAX) ? result.substring(0, MAX - 1) + "…" : result;
	}

	/** Where the quoted history begins: the line of its header, or the end. */
	private static int quoteStart(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			if (ORIGINAL_MESSAGE.matcher(line).matches()) {
				return i;
			}
			if (UNDERSCORES.matcher(line).matches() && i + 1 < lines.size()
					&& outlookBlock(lines, nextNonBlank(lines, i + 1))) {
				return i;
			}
			if (outlookBlock(lines, i)) {
				return i;
			}
			if (SOMEONE_WROTE.matcher(line).matches()) {
				return i;
			}
			// Gmail wraps its "On … wrote:" line: the header may take three lines.
			String joined = line;
			for (int more = 1; more <= 2 && i + more < lines.size() && !lines.get(i + more).isBlank(); more++) {
				if (ON_WROTE.matcher(joined).matches()) {
					return i;
				}
				joined = joined + " " + lines.get(i + more).strip();
			}
			if (ON_WROTE.matcher(joined).matches()) {
				return i;
			}
		}
		return lines.size();
	}

	/**
	 * "From: …" followed, within the next lines, by at least two more header fields: an
	 * Outlook-style quoted header. One "From:" line alone may be the customer's text.
	 */
	private static boolean outlookBlock(List<String> lines, int at) {
		if (at < 0 || at >= lines.size() || !FROM_FIELD.matcher(lines.get(at)).matches()) {
			return false;
		}
		int fields = 0;
		for (int i = at + 1; i < Math.min(lines.size(), at + 6); i++) {
			if (OTHER_FIELD.matcher(lines.get(i)).matches()) {
				fields++;
			}
		}
		return fields >= 2;
	}

	private static int nextNonBlank(List<String> lines, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (!lines.get(i).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> withoutSignature(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (SIGNATURE.matcher(line).matches() || MOBILE.matcher(line).matches()) {
				return lines.subList(0, i);
			}
		}
		int last = lines.size() - 1;
		while (last >= 0 && lines.get(last).isBlank()) {
			last--;
		}
		// A sign-off with at most a name and a title after it, below some text of
		// the customer's: "Thanks!" alone is the reply itself.
		for (int i = Math.max(1, last - SIGN_OFF_TAIL); i <= last; i++) {
			if (SIGN_OFF.matcher(lines.get(i)).matches() && hasText(lines.subList(0, i))) {
				return lines.subList(0, i);
			}
		}
		return lines;
	}

	private static boolean hasText(List<String> lines) {
		return lines.stream().anyMatch((line) -> !line.isBlank());
	}

}
