/**
 * Drafting: writes the personal follow-up email a CSM sends after a customer's support
 * ticket is resolved, in the tone the assessment's {@code FollowUpLevel} asks for and in
 * the contact's language.
 * <p>
 * {@link io.aftercare.drafting.Drafting} is the door: it writes with the templates
 * ({@link io.aftercare.drafting.TemplateDraftWriter}, English, German, French, Spanish)
 * or, when the workspace switched it on, with a language model
 * ({@link io.aftercare.drafting.DraftModel}, Spring AI in {@code drafting.model}) whose
 * draft a grounding check compares with the facts before anyone reads it; the template is
 * the fallback. {@link io.aftercare.drafting.HtmlBody} turns a plain-text body, generated
 * or edited, into a safe HTML part.
 */
package io.aftercare.drafting;
