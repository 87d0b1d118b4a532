/**
 * The audit trail: every state change of a follow-up or reminder, and every ticket
 * resolution a desk reports, who made it and when. Written by listening to the other
 * modules' events; {@link io.aftercare.audit.AuditLog} reads it.
 */
package io.aftercare.audit;
