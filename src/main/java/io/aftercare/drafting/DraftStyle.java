package io.aftercare.drafting;

import java.util.Locale;
import java.util.Optional;

/**
 * How a CSM asks a draft to be written again: {@code SHORTER}, {@code WARMER},
 * {@code MORE_FORMAL}, a {@code FRESH} take, or back to the {@code TEMPLATE}.
 */
public enum DraftStyle {

	SHORTER("Make it noticeably shorter: keep the greeting, the ticket number, the questions and the signature."),

	WARMER("Make it warmer and more personal, without adding any fact or promise."),

	MORE_FORMAL("Make it more formal and businesslike, without adding any fact or promise."),

	FRESH("Write a fresh take: different wording and structure, the same facts."),

	TEMPLATE(null);

	private final String instruction;

	DraftStyle(String instruction) {
		this.instruction = instruction;
	}

	/** What the model is asked for; {@code null} for the template. */
	String instruction() {
		return this.instruction;
	}

	/** A style as a CSM says it: "shorter", "more formal", "fresh", "template". */
	public static Optional<DraftStyle> of(String said) {
		if (said == null) {
			return Optional.empty();
		}
		String words = said.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
		if (words
			.matches("(?:a bit |slightly |much )?(?:shorter|briefer|tighter|more concise|concise|brief|crisper)")) {
			return Optional.of(SHORTER);
		}
		if (words.matches("(?:a bit |slightly |much )?(?:warmer|friendlier|kinder|softer|more personal|more empathetic"
				+ "|more friendly|less formal|more casual|casual)")) {
			return Optional.of(WARMER);
		}
		if (words.matches("(?:a bit |slightly |much )?(?:more formal|formal|more professional|firmer|less casual)")) {
			return Optional.of(MORE_FORMAL);
		}
		if (words.matches("fresh|fresh take|a fresh take|new|again|different|another take|rewrite")) {
			return Optional.of(FRESH);
		}
		if (words.matches("template|the template|templates|from the template")) {
			return Optional.of(TEMPLATE);
		}
		return Optional.empty();
	}

}
