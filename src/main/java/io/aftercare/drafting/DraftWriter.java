package io.aftercare.drafting;

/**
 * Writes the follow-up email for a resolved ticket. Templates do it today
 * ({@link TemplateDraftWriter}); an LLM-backed writer can take its place later.
 */
public interface DraftWriter {

	/**
	 * Write a draft for the CSM to review and edit before anything is sent.
	 * @param request the ticket, contact and CSM to write for
	 * @return the draft, never {@code null}
	 */
	Draft write(DraftRequest request);

}
