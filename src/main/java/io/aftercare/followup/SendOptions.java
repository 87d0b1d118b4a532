package io.aftercare.followup;

import java.time.Instant;

/**
 * When a follow-up could go out, as the CSM is offered it: the contact's time zone (when
 * known), their next business morning, and whether that morning is suggested over now,
 * with the reason in words.
 *
 * @param contactTimeZone the contact's time zone, {@code null} when not known
 * @param contactMorning 9:00 on the contact's next business day, {@code null} without a
 * time zone
 * @param morningSuggested whether waiting for that morning is suggested: the ticket was
 * resolved outside the contact's business hours, and it is outside them now
 * @param reason why, in words; {@code null} when sending now is as good
 * @param addressWarning that mail to the recipient's address bounced for good, with when
 * and the mail server's reason, in words; {@code null} when it never did
 */
public record SendOptions(String contactTimeZone, Instant contactMorning, boolean morningSuggested, String reason,
		String addressWarning) {

	public static final SendOptions NOW_ONLY = new SendOptions(null, null, false, null, null);

	SendOptions withAddressWarning(String warning) {
		return new SendOptions(this.contactTimeZone, this.contactMorning, this.morningSuggested, this.reason, warning);
	}

}
