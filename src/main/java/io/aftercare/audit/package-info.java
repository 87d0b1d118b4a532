/**
 * The audit log: every state change of a follow-up or reminder, who made it and when.
 */
package io.aftercare.audit;
