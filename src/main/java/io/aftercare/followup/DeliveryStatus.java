package io.aftercare.followup;

/**
 * What we know of the email's way to the customer.
 */
public enum DeliveryStatus {

	NOT_SENT, SENT, DELIVERED, BOUNCED, FAILED

}
