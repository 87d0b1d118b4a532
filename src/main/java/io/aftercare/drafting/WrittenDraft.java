package io.aftercare.drafting;

/**
 * A draft and how it came to be: which writer wrote it, in which language, why it fell
 * back to the template if it did, and how many tokens the language model used for it.
 *
 * @param draft the email
 * @param writer who wrote it
 * @param language the language it is written in
 * @param fallbackReason why the template wrote it although the model was asked, in words
 * a CSM understands; {@code null} when it did not fall back
 * @param tokensUsed tokens the model used for it, all attempts together; 0 for the
 * template alone
 */
public record WrittenDraft(Draft draft, Writer writer, Language language, String fallbackReason, int tokensUsed) {

	/** Who wrote a draft. */
	public enum Writer {

		TEMPLATE, MODEL

	}

	public WrittenDraft {
		if (draft == null || writer == null || language == null) {
			throw new IllegalArgumentException("A written draft needs its draft, writer and language");
		}
		if (fallbackReason != null && fallbackReason.length() > 500) {
			fallbackReason = fallbackReason.substring(0, 499) + "…";
		}
	}

}
