/**
 * Assessment: how much personal follow-up a resolved ticket deserves, and why.
 * <p>
 * {@link io.aftercare.assessment.ImpactRules} turns the
 * {@link io.aftercare.assessment.TicketFacts} of a resolved ticket into an
 * {@link io.aftercare.assessment.ImpactAssessment}: a
 * {@link io.aftercare.assessment.FollowUpLevel}, the plain-word reasons behind it, what
 * extra value to offer and when to check in again.
 * {@link io.aftercare.assessment.ToneReader} reads the tone of the customer's comments
 * with the {@code tone} module's sentiment analyzer. All numbers the rules use, the
 * windows in which tickets and health are counted included, live in
 * {@link io.aftercare.assessment.AssessmentSettings}.
 * <p>
 * {@link io.aftercare.assessment.ImpactAssessor} gathers the facts: it reads the
 * customer's contacts and health history through {@code CustomerBook} and the tickets,
 * participants and comments through {@code SupportDesk}, in a read-only transaction, and
 * writes nothing. The rules and the tone reader are pure logic: no database, no I/O.
 */
package io.aftercare.assessment;
