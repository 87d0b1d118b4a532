/**
 * What an operator needs to keep Aftercare's own machinery healthy: the module events
 * whose listeners have not completed (failed, or interrupted by a crash), resubmitted on
 * a schedule and listed for an admin, and completed ones cleaned up so the registry does
 * not grow forever. {@link io.aftercare.operations.EventPublications} is the API. Also
 * Aftercare's own metrics for Prometheus (follow-ups by status, sends, queue depths,
 * lags).
 */
package io.aftercare.operations;
