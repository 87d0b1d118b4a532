package io.aftercare.drafting;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aftercare.assessment.FollowUpLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlBodyTests {

	private final HtmlBody html = new HtmlBody();

	@Test
	void escapesMarkupInCustomerText() {
		String rendered = this.html
			.render("Hi <script>alert('x')</script>,\n\n<img src=x onerror=alert(1)> & \"quotes\" 'too'");

		assertThat(rendered).doesNotContain("<script", "<img")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;too&#39;");
	}

	@Test
	void escapesMarkupInsideListsAndBold() {
		String rendered = this.html.render("• <b>bullet</b>\n\n1. <i>numbered</i>\n\n**<u>bold</u>**");

		assertThat(rendered).doesNotContain("<b>", "<i>", "<u>")
			.contains("&lt;b&gt;bullet&lt;/b&gt;</li>")
			.contains("&lt;i&gt;numbered&lt;/i&gt;</li>")
			.contains("<strong>&lt;u&gt;bold&lt;/u&gt;</strong>");
	}

	@Test
	void turnsBulletLinesIntoAList() {
		String rendered = this.html.render("**Quick Recap:**\n• Issue: sync failures\n- Status: fixed\n\nThanks");

		assertThat(rendered).containsSubsequence("<p", "<strong>Quick Recap:</strong></p>", "<ul",
				">Issue: sync failures</li>", ">Status: fixed</li>", "</ul>", "<p", "Thanks</p>");
		assertThat(rendered).doesNotContain("•");
	}

	@Test
	void turnsNumberedLinesIntoAnOrderedList() {
		String rendered = this.html.render("1. Is everything working?\n2. Did the guide help?");

		assertThat(rendered).containsSubsequence("<ol", ">Is everything working?</li>", ">Did the guide help?</li>",
				"</ol>");
		assertThat(rendered).doesNotContain("1. ", "start=");
	}

	@Test
	void keepsTheNumberingOfAListThatDoesNotStartAtOne() {
		assertThat(this.html.render("3. Anything else?")).contains("<ol start=\"3\"");
	}

	@Test
	void doesNotMistakeAHyphenatedWordOrSignatureDashesForABullet() {
		String rendered = this.html.render("-5 degrees\n-- \nSam");

		assertThat(rendered).doesNotContain("<ul").contains("-5 degrees<br>");
	}

	@Test
	void makesDoubleStarredTextBold() {
		assertThat(this.html.render("This is **important** and **this too**"))
			.contains("This is <strong>important</strong> and <strong>this too</strong>");
	}

	@Test
	void separatesParagraphsAndKeepsSingleLineBreaks() {
		String rendered = this.html.render("Hi David,\r\n\r\nFirst line\nsecond line\n\n\nBest,\nSam Rivera");

		assertThat(rendered).containsSubsequence(">Hi David,</p>", ">First line<br>\nsecond line</p>",
				">Best,<br>\nSam Rivera</p>");
	}

	@Test
	void wrapsTheBodyInAnHtmlDocumentWithInlineStyles() {
		String rendered = this.html.render("Hello");

		assertThat(rendered).startsWith("<!DOCTYPE html>")
			.contains("<meta charset=\"UTF-8\">")
			.contains("font-family:")
			.contains("<p style=\"margin:0 0 16px 0;\">Hello</p>")
			.doesNotContain("th:utext")
			.endsWith("</html>\n");
		assertThat(rendered).containsSubsequence("line-height:1.5;color:#222222;\"><p", "Hello</p>", "</div>",
				"</body>");
	}

	@Test
	void keepsTextThatLooksLikeTheLayoutsPlaceholder() {
		String rendered = this.html.render("Type {{body}} here");

		assertThat(rendered).contains("<p style=\"margin:0 0 16px 0;\">Type {{body}} here</p>").endsWith("</html>\n");
	}

	@Test
	void rendersAGeneratedDraftWithEscapedCustomerText() {
		Draft draft = new TemplateDraftWriter().write(new DraftRequest(FollowUpLevel.MAJOR, "David", "TechFlow",
				"TF-2024-0847", "<img src=x onerror=alert(1)>", "API", "Rate limits increased 3x", Duration.ofDays(4),
				true, 6, List.of(), null, 0, "Sam Rivera", "+1 (415) 555-0142", null));

		String rendered = this.html.render(draft.textBody());

		assertThat(rendered).doesNotContain("<img")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("<strong>Quick Recap:</strong>")
			.contains("<ol")
			.contains("Sam Rivera<br>\n+1 (415) 555-0142</p>");
	}

	@Test
	void refusesToRenderNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.html.render(null));
	}

}
