/**
 * Drafting: writes the personal follow-up email a CSM sends after a customer's support
 * ticket is resolved, in the tone the assessment's {@code FollowUpLevel} asks for.
 * <p>
 * {@link io.aftercare.drafting.DraftWriter} is the seam (templates now, an LLM later),
 * {@link io.aftercare.drafting.HtmlBody} turns a plain-text body, generated or edited,
 * into a safe HTML part.
 */
package io.aftercare.drafting;
