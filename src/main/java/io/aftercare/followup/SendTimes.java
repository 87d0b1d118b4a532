package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.Contact;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.Ticket;

import org.springframework.stereotype.Component;

/**
 * When a follow-up may go out: the one rule for what the CSM is offered (now, or the
 * contact's next business morning, suggested when the ticket was resolved outside the
 * contact's business hours and it is outside them now) and for what a chosen timing
 * means.
 */
@Component
class SendTimes {

	/** The furthest ahead a send can be scheduled. */
	static final Period FURTHEST = Period.ofDays(90);

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE, MMM d, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private final CustomerBook customers;

	private final CustomerSignals signals;

	private final BusinessHours hours;

	private final Clock clock;

	private final CsmDirectory directory;

	SendTimes(CustomerBook customers, CustomerSignals signals, FollowUpSettings settings, CsmDirectory directory,
			Clock clock) {
		this.customers = customers;
		this.directory = directory;
		this.signals = signals;
		this.hours = new BusinessHours(settings.businessOpens(), settings.businessCloses());
		this.clock = clock;
	}

	SendOptions options(FollowUp followUp, Ticket ticket) {
		SendOptions options = timing(followUp, ticket);
		if (!followUp.status().isOpen()) {
			return options;
		}
		// A hard bounce marked the address: sending again is the CSM's call, with the
		// reason in view.
		return this.signals.bounce(followUp.customerId(), followUp.recipient().email())
			.map((bounce) -> options.withAddressWarning("Mail to " + followUp.recipient().email()
					+ " bounced for good on " + DAY.format(bounce.at().atZone(ownersZone(followUp))) + " ("
					+ bounce.reason() + "). Check the address before sending."))
			.orElse(options);
	}

	/** The zone of the customer's CSM, for a date written for them. */
	private ZoneId ownersZone(FollowUp followUp) {
		return this.customers.find(Csm.AFTERCARE, followUp.customerId())
			.map(Customer::ownerUsername)
			.map(this.directory::timeZone)
			.orElse(ZoneOffset.UTC);
	}

	private SendOptions timing(FollowUp followUp, Ticket ticket) {
		Optional<ZoneId> zone = zone(followUp);
		if (zone.isEmpty()) {
			return SendOptions.NOW_ONLY;
		}
		Instant now = this.clock.instant();
		Instant morning = this.hours.nextMorning(now, zone.get());
		boolean resolvedOutside = ticket.resolvedAt() != null && !this.hours.isOpen(ticket.resolvedAt(), zone.get());
		boolean suggested = resolvedOutside && !this.hours.isOpen(now, zone.get());
		String who = followUp.recipient().name().split(" ")[0];
		String reason = suggested ? "The ticket was resolved outside " + who + "'s business hours ("
				+ MOMENT.format(ticket.resolvedAt().atZone(zone.get())) + " their time, " + zone.get().getId()
				+ "), and it is outside them now: their next business morning is "
				+ MOMENT.format(morning.atZone(zone.get())) + "." : null;
		return new SendOptions(zone.get().getId(), morning, suggested, reason, null);
	}

	/**
	 * The moment a timing means for this follow-up.
	 * @throws RefusedException when the contact's time zone is not known for a morning
	 * send
	 * @throws InvalidInputException when a chosen time is too far ahead
	 */
	Instant resolve(SendTiming timing, FollowUp followUp) {
		Instant now = this.clock.instant();
		return switch (timing.when()) {
			case NOW -> now;
			case CONTACT_MORNING -> this.hours.nextMorning(now, zone(followUp)
				.orElseThrow(() -> new RefusedException("no-time-zone", followUp.recipient().name()
						+ "'s time zone is not known, so there is no morning to send at. Send now, or choose a time.")));
			case AT -> {
				if (timing.at().isAfter(now.plus(FURTHEST.getDays(), java.time.temporal.ChronoUnit.DAYS))) {
					throw new InvalidInputException("sendAt may be at most " + FURTHEST.getDays() + " days ahead");
				}
				yield timing.at().isBefore(now) ? now : timing.at();
			}
		};
	}

	/** The time zone of the contact the follow-up is addressed to, when known. */
	private Optional<ZoneId> zone(FollowUp followUp) {
		return this.customers.contacts(followUp.customerId())
			.stream()
			.filter((contact) -> followUp.recipient().email().equalsIgnoreCase(contact.email()))
			.map(Contact::timeZone)
			.filter((zone) -> zone != null && !zone.isBlank())
			.findFirst()
			.flatMap(SendTimes::zoneId);
	}

	private static Optional<ZoneId> zoneId(String id) {
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

}
