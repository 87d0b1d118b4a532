package io.aftercare.followup;

import io.aftercare.drafting.Language;
import io.aftercare.drafting.WrittenDraft;

/**
 * Who wrote a follow-up's current draft, in which language, why the template wrote it if
 * the language model was asked (shown to the CSM), and the tokens the model used for the
 * follow-up so far (shown to admins).
 */
public record DraftAuthorship(WrittenDraft.Writer writer, Language language, String fallbackReason, int tokensUsed) {

	static final DraftAuthorship TEMPLATE = new DraftAuthorship(WrittenDraft.Writer.TEMPLATE, Language.ENGLISH, null,
			0);

	/** How a written draft came to be, with the tokens used before it added. */
	static DraftAuthorship of(WrittenDraft written, int tokensBefore) {
		return new DraftAuthorship(written.writer(), written.language(), written.fallbackReason(),
				tokensBefore + written.tokensUsed());
	}

}
