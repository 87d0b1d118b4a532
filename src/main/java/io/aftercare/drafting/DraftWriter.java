package io.aftercare.drafting;

/**
 * Writes the follow-up email for a resolved ticket from templates
 * ({@link TemplateDraftWriter}). {@link Drafting} uses it alone, or as the fallback of
 * the language-model writer.
 */
public interface DraftWriter {

	/**
	 * Write a draft for the CSM to review and edit before anything is sent.
	 * @param request the ticket, contact and CSM to write for
	 * @return the draft, never {@code null}
	 */
	Draft write(DraftRequest request);

}
