/**
 * Assessment: how much personal follow-up a resolved ticket deserves, and why.
 * <p>
 * {@link io.aftercare.assessment.ImpactRules} turns the
 * {@link io.aftercare.assessment.TicketFacts} of a resolved ticket into an
 * {@link io.aftercare.assessment.ImpactAssessment}: a
 * {@link io.aftercare.assessment.FollowUpLevel}, the plain-word reasons behind it, what
 * extra value to offer and when to check in again.
 * {@link io.aftercare.assessment.ToneReader} reads the tone of the customer's comments.
 * All numbers the rules use live in {@link io.aftercare.assessment.AssessmentSettings}.
 * Pure logic: no database, no I/O.
 */
package io.aftercare.assessment;
