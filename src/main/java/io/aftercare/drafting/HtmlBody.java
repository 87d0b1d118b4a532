package io.aftercare.drafting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a plain-text follow-up body, generated or edited by a CSM, into the HTML part of
 * the email. Everything is HTML-escaped first, so customer text can never become markup.
 * Then blank-line-separated paragraphs become paragraphs, lines starting with {@code •}
 * or {@code -} a bulleted list, lines starting with {@code 1.} a numbered list,
 * {@code **text**} bold, and single newlines line breaks. The result is wrapped in the
 * {@code templates/mail/layout.html} document.
 */
@Component
public final class HtmlBody {

	private static final Pattern BULLET = Pattern.compile("^\\s*[•-]\\s+(.*)$");

	private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+(.*)$");

	private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

	// Inline styles: many mail clients drop <style> blocks.
	private static final String PARAGRAPH = "<p style=\"margin:0 0 16px 0;\">";

	private static final String LIST_STYLE = " style=\"margin:0 0 16px 0;padding-left:24px;\"";

	private static final String ITEM = "<li style=\"margin:0 0 4px 0;\">";

	private static final String BODY_MARK = "{{body}}";

	// The layout around every body, rendered once: its only variable is the body, so a
	// template run for each email gave the same text every time.
	private final String layoutBefore;

	private final String layoutAfter;

	public HtmlBody() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("body", BODY_MARK);
		String layout = engine.process("layout", context);
		int body = layout.indexOf(BODY_MARK);
		this.layoutBefore = layout.substring(0, body);
		this.layoutAfter = layout.substring(body + BODY_MARK.length());
	}

	/**
	 * Render a plain-text body as a complete HTML email document.
	 * @param textBody the plain-text body
	 * @return the HTML document
	 */
	public String render(String textBody) {
		if (textBody == null) {
			throw new IllegalArgumentException("A body to render is required");
		}
		return inLayout(formatted(textBody));
	}

	/**
	 * Render a plain-text body followed by a question and links to answer it, each a
	 * button-like link; every text and URL is escaped.
	 */
	public String render(String textBody, String question, java.util.List<Link> links) {
		if (textBody == null) {
			throw new IllegalArgumentException("A body to render is required");
		}
		StringBuilder body = new StringBuilder(formatted(textBody));
		body.append(PARAGRAPH).append(escape(question)).append("</p>").append(PARAGRAPH);
		for (Link link : links) {
			body.append("<a href=\"")
				.append(escape(link.url()))
				.append("\" style=\"display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border:1px solid #2f6f4f;")
				.append("border-radius:4px;color:#2f6f4f;text-decoration:none;\">")
				.append(escape(link.label()))
				.append("</a>");
		}
		body.append("</p>");
		return inLayout(body.toString());
	}

	private String inLayout(String body) {
		return this.layoutBefore + body + this.layoutAfter;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	/** A link shown below the body: its words and where it goes. */
	public record Link(String label, String url) {
	}

	private static String formatted(String textBody) {
		// UTF-8 escapes only < > & " ' and leaves "•" and accented names readable.
		String escaped = HtmlUtils.htmlEscape(textBody.replace("\r\n", "\n").replace('\r', '\n'),
				StandardCharsets.UTF_8.name());
		Blocks blocks = new Blocks();
		for (String line : escaped.split("\n", -1)) {
			Matcher bullet = BULLET.matcher(line);
			Matcher numbered = NUMBERED.matcher(line);
			if (line.isBlank()) {
				blocks.close();
			}
			else if (bullet.matches()) {
				blocks.item(Block.BULLETS, null, bullet.group(1));
			}
			else if (numbered.matches()) {
				blocks.item(Block.NUMBERS, numbered.group(1), numbered.group(2));
			}
			else {
				blocks.line(line.strip());
			}
		}
		blocks.close();
		return blocks.html.toString();
	}

	private static String inline(String escapedText) {
		return BOLD.matcher(escapedText).replaceAll("<strong>$1</strong>");
	}

	private enum Block {

		PARAGRAPH, BULLETS, NUMBERS

	}

	/**
	 * Collects lines into the block they belong to and writes each block once it ends.
	 */
	private static final class Blocks {

		private final StringBuilder html = new StringBuilder();

		private final List<String> lines = new ArrayList<>();

		private Block open;

		private String firstNumber;

		void line(String text) {
			switchTo(Block.PARAGRAPH, null);
			this.lines.add(text);
		}

		void item(Block list, String number, String text) {
			switchTo(list, number);
			this.lines.add(text.strip());
		}

		private void switchTo(Block block, String number) {
			if (this.open != block) {
				close();
				this.open = block;
				this.firstNumber = number;
			}
		}

		void close() {
			if (this.open == null) {
				return;
			}
			switch (this.open) {
				case PARAGRAPH -> this.html.append(PARAGRAPH)
					.append(String.join("<br>\n", this.lines.stream().map(HtmlBody::inline).toList()))
					.append("</p>\n");
				case BULLETS -> list("ul", "");
				case NUMBERS -> {
					int start = Integer.parseInt(this.firstNumber);
					list("ol", (start == 1) ? "" : " start=\"" + start + "\"");
				}
			}
			this.lines.clear();
			this.open = null;
		}

		private void list(String tag, String attributes) {
			this.html.append('<').append(tag).append(attributes).append(LIST_STYLE).append(">\n");
			this.lines.forEach((item) -> this.html.append(ITEM).append(inline(item)).append("</li>\n"));
			this.html.append("</").append(tag).append(">\n");
		}

	}

}
