package io.aftercare.assessment;

/**
 * A resolved ticket in context, and the follow-up it calls for.
 */
public record TicketAssessment(TicketContext context, ImpactAssessment assessment) {

}
