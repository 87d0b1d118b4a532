package io.aftercare.customer;

import java.time.Instant;

/**
 * Something that puts a customer at risk beside their account's at-risk flag: what was
 * seen ({@code kind}, such as {@code reply-frustrated}), how bad ({@code HIGH},
 * {@code MEDIUM}), and, in words for the CSM, what it was ({@code detail}).
 */
public record RiskSignal(String kind, String severity, String detail, Instant detectedAt) {

}
