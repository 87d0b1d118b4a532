package io.aftercare.reply.message;

import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The text of an HTML-only message, well enough to read a reply: blocks and line breaks
 * become lines, quoted blocks are marked as quotes, everything else loses its tags.
 */
final class HtmlText {

	private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");

	private static final Pattern QUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote\\s*>");

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h\\d)\\s*>");

	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

	private HtmlText() {
	}

	static String of(String html) {
		String text = HIDDEN.matcher(html).replaceAll("");
		// A quoted block is history: keep a marker line the stripper cuts at.
		text = QUOTE.matcher(text).replaceAll("\n> \n");
		text = BREAK.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		text = HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
		return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
