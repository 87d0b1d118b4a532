package io.aftercare.followup;

/**
 * What we know of the email's way to the customer: not sent; queued (due now, at a chosen
 * time, or for another try after a mail server deferred it); being handed over; sent (the
 * mail server took it); delayed (the receiving side reported a temporary failure and
 * keeps trying); delivered (the customer answered, so it arrived) or bounced (refused for
 * good, reported later by the receiving side); failed (refused, with the server's
 * answer); unconfirmed (an attempt was cut off and the transport cannot tell whether it
 * went out: the CSM checks before resending).
 */
public enum DeliveryStatus {

	NOT_SENT, QUEUED, SENDING, SENT, DELAYED, DELIVERED, BOUNCED, FAILED, UNCONFIRMED

}
