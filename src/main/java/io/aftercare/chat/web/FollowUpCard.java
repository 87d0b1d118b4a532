package io.aftercare.chat.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.aftercare.assessment.TicketContext;
import io.aftercare.customer.HealthEntry;
import io.aftercare.drafting.WrittenDraft;
import io.aftercare.followup.DraftAuthorship;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.SendOptions;
import io.aftercare.reminder.Reminder;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;

/**
 * What a follow-up card in the chat shows: the PRD's Ticket Details and Customer Impact,
 * the level and why, the draft, and what can be done with it now.
 */
public record FollowUpCard(long id, FollowUpStatus status, String statusLabel, String customerName, String ticketNumber,
		String issue, String severity, String duration, String resolution, List<String> impact,
		List<String> stakeholders, List<String> related, HealthChart chart, String levelLabel, String levelName,
		List<String> reasons, List<String> offers, String toName, String toEmail, String subject, String body,
		boolean edited, int contentVersion, List<String> reminders, String suggestedNote, LocalDate suggestedDate,
		String sentAt, String messageId, boolean editable, boolean sendable, String deliveryLine, boolean onItsWay,
		String morningChoice, boolean morningSuggested, String timingReason, String addressWarning, String writerLine,
		String fallbackReason, boolean templateOffered) {

	// With the zone's short name: beside a contact's time, say whose time it is.
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, HH:mm z", Locale.ENGLISH);

	/**
	 * The card for a follow-up, its dates in the zone of {@code now}: the CSM's own.
	 */
	static FollowUpCard of(FollowUpDetails details, List<Reminder> reminders, SendOptions options, ZonedDateTime now) {
		FollowUp f = details.followUp();
		Ticket t = details.ticket();
		TicketContext c = details.context();
		boolean open = f.status().isOpen();
		String firstName = f.recipient().name().split(" ")[0];
		var suggested = f.suggestedReminders().isEmpty() ? null : f.suggestedReminders().get(0);
		return new FollowUpCard(f.id().value(), f.status(), statusLabel(f), details.customer().name(), t.number(),
				t.subject(), t.priority().label(), TicketDurations.span(t, now), t.resolutionSummary(),
				(c != null) ? c.impactSummary() : List.of("The ticket was reopened after this draft was written."),
				(c != null) ? c.stakeholders().stream().map(FollowUpCard::person).toList() : List.of(),
				(c != null) ? c.relatedTickets().stream().map((r) -> r.number() + " · " + r.subject()).toList()
						: List.of(),
				(c != null) ? HealthChart.of(c.healthTrend(), t.openedAt(), t.resolvedAt()) : null, f.level().label(),
				f.level().name(), f.reasons(), f.offers(), f.recipient().name(), f.recipient().email(),
				f.content().subject(), f.content().textBody(), f.edited() != null, f.contentVersion(),
				reminders.stream().map((r) -> r.note() + " · " + ChatDates.dayOf(r.dueAt(), now.getZone())).toList(),
				(suggested != null) ? suggested.note() : "Check in with " + details.customer().name(),
				now.toLocalDate().plusDays((suggested != null) ? suggested.dueIn().getDays() : 7),
				(f.sentAt() != null) ? MOMENT.format(f.sentAt().atZone(now.getZone())) : null, f.messageId(),
				f.status().isEditable(), open, deliveryLine(f, options, now), f.status().isOnItsWay(),
				(options.contactMorning() != null)
						? "Send at " + inZone(options.contactMorning(), options) + ", " + firstName + "'s time" : null,
				options.morningSuggested(), options.reason(), options.addressWarning(), writerLine(f),
				f.authorship().fallbackReason(), f.status().isEditable()
						&& (f.authorship().writer() == WrittenDraft.Writer.MODEL || f.edited() != null));
	}

	/**
	 * Who wrote the draft, in which language: "Written by the language model, in German".
	 */
	private static String writerLine(FollowUp f) {
		DraftAuthorship by = f.authorship();
		String who = (by.writer() == WrittenDraft.Writer.MODEL) ? "Written by the language model"
				: (by.fallbackReason() != null) ? "Written from the template instead of the language model"
						: "Written from the template";
		return who + ", in " + by.language().label() + ((f.edited() != null) ? "; changed by you since" : "");
	}

	private static String statusLabel(FollowUp f) {
		return switch (f.status()) {
			case DRAFT -> (f.edited() != null) ? "Draft · edited" : "Draft · awaiting your approval";
			case APPROVED -> "Approved";
			case QUEUED -> "Queued";
			case SENDING -> "Sending";
			case SENT -> "Sent";
			case FAILED -> (f.deliveryStatus() == io.aftercare.followup.DeliveryStatus.UNCONFIRMED)
					? "Check before sending again" : "Send failed";
			case ON_HOLD -> "On hold: " + f.holdReason();
			case DISCARDED -> "Discarded";
		};
	}

	/**
	 * Where the email is, in words: when a queued one goes out, what the mail server
	 * said, what to do after a failure.
	 */
	static String deliveryLine(FollowUp f, SendOptions options, ZonedDateTime now) {
		String line = sendingLine(f, options, now);
		String answer = answerLine(f, now.getZone());
		return (answer == null) ? line : (line == null) ? answer : line + " " + answer;
	}

	/**
	 * Whether the customer answered, in words: how the answer reads and its first words
	 * (customer text: the card escapes it), or that none came yet.
	 */
	static String answerLine(FollowUp f, ZoneId zone) {
		io.aftercare.followup.FollowUpAnswer a = f.answer();
		if (a != null) {
			String words = a.text().replaceAll("\\s+", " ").strip();
			words = (words.length() > 160) ? words.substring(0, 159) + "…" : words;
			String how = (a.via() == io.aftercare.followup.FollowUpAnswer.Via.ONE_CLICK) ? "Answered with one click"
					: "Replied";
			return how + " " + MOMENT.format(a.answeredAt().atZone(zone)) + ": "
					+ a.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + a.reason() + ")"
					+ (words.isEmpty() || a.via() == io.aftercare.followup.FollowUpAnswer.Via.ONE_CLICK ? "."
							: ". \"" + words + "\"");
		}
		if (f.responseStatus() == io.aftercare.followup.ResponseStatus.AWAITING) {
			return "No answer yet.";
		}
		return null;
	}

	private static String sendingLine(FollowUp f, SendOptions options, ZonedDateTime now) {
		String detail = (f.deliveryDetail() != null) ? f.deliveryDetail() : "";
		return switch (f.deliveryStatus()) {
			case NOT_SENT -> null;
			case QUEUED ->
				(f.sendAttempts() > 0)
						? "Not out yet: " + detail + " Next try " + MOMENT.format(f.sendAt().atZone(now.getZone()))
								+ "."
						: (f.sendAt() != null && f.sendAt().isAfter(now.toInstant()))
								? "Goes out " + MOMENT.format(f.sendAt().atZone(now.getZone()))
										+ ((options.contactTimeZone() != null) ? " (" + inZone(f.sendAt(), options)
												+ " " + options.contactTimeZone() + ")" : "")
										+ "."
								: "Queued: going out now.";
			case SENDING -> "Being handed to the mail server.";
			case SENT, DELIVERED -> detail.isEmpty() ? "Sent." : "Sent. " + detail;
			case DELAYED -> "Sent, but not delivered yet: " + detail.replaceAll("[.\\s]+$", "")
					+ ". Their mail server keeps trying.";
			case BOUNCED -> "Bounced: " + detail;
			case FAILED -> "Not sent: " + detail;
			case UNCONFIRMED -> detail;
		};
	}

	private static String inZone(Instant moment, SendOptions options) {
		return DateTimeFormatter.ofPattern("EEE, MMM d, HH:mm", Locale.ENGLISH)
			.format(moment.atZone(java.time.ZoneId.of(options.contactTimeZone())));
	}

	private static String person(Participant p) {
		return (p.role() != null && !p.role().isBlank()) ? p.name() + " (" + p.role() + ")" : p.name();
	}

	static String reminderLine(Reminder r, ZonedDateTime now) {
		// Calendar days where the CSM is, as a person counts them: due on Friday is "in
		// 3 days" on Tuesday, whatever the hour.
		long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(now.toLocalDate(),
				r.dueAt().atZone(now.getZone()).toLocalDate()));
		return reminderLine(r.note(), days);
	}

	/** "Check API metrics in 7 days". */
	static String reminderLine(String note, long inDays) {
		return note + " in " + inDays + ((inDays == 1) ? " day" : " days");
	}

	/** A small line chart of the health score, with the ticket's open period shaded. */
	public record HealthChart(String points, List<Marker> markers, double windowX, double windowWidth, int low,
			int high, String first, String last) {

		static final int WIDTH = 260;

		static final int HEIGHT = 60;

		static HealthChart of(List<HealthEntry> trend, Instant opened, Instant resolved) {
			if (trend.size() < 2) {
				return null;
			}
			long start = trend.get(0).recordedAt().getEpochSecond();
			long end = Math.max(start + 1, trend.get(trend.size() - 1).recordedAt().getEpochSecond());
			int low = trend.stream().mapToInt(HealthEntry::score).min().orElse(0);
			int high = trend.stream().mapToInt(HealthEntry::score).max().orElse(100);
			int floor = Math.max(0, low - 3);
			int ceiling = Math.min(100, high + 3);
			StringBuilder points = new StringBuilder();
			List<Marker> markers = new java.util.ArrayList<>();
			for (HealthEntry entry : trend) {
				double x = x(entry.recordedAt().getEpochSecond(), start, end);
				double y = HEIGHT - (entry.score() - floor) * (double) HEIGHT / Math.max(1, ceiling - floor);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
				if (entry.note() != null) {
					markers.add(new Marker(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0,
							entry.score() + ": " + entry.note()));
				}
			}
			double from = x(opened.getEpochSecond(), start, end);
			double to = x((resolved != null) ? resolved.getEpochSecond() : end, start, end);
			return new HealthChart(points.toString().trim(), markers, from, Math.max(2, to - from), low, high,
					String.valueOf(trend.get(0).score()), String.valueOf(trend.get(trend.size() - 1).score()));
		}

		/**
		 * A point of the chart with why it is there (a reply's reading), shown on hover.
		 */
		public record Marker(double x, double y, String title) {
		}

		private static double x(long at, long start, long end) {
			double x = (at - start) * (double) WIDTH / (end - start);
			return Math.max(0, Math.min(WIDTH, x));
		}

	}

}
