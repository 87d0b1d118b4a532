package io.aftercare.followup.web;

import java.time.Instant;
import java.util.List;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.TicketContext;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerTier;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.WrittenDraft;
import io.aftercare.followup.DraftAuthorship;
import io.aftercare.followup.DeliveryStatus;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpReminders;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.ResponseStatus;
import io.aftercare.followup.SendOptions;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;
import io.aftercare.ticket.TicketStatus;

/**
 * A follow-up as the API shows it: the PRD's "Ticket Details" and "Customer Impact", the
 * level and why, the draft (generated and edited), approval, delivery and the reminders
 * it set.
 */
record FollowUpView(long id, FollowUpStatus status, FollowUpLevel level, String levelLabel, FollowUpLevel assessedLevel,
		String levelOverriddenBy, List<String> reasons, List<String> offers, CustomerView customer,
		TicketDetails ticket, CustomerImpact impact, DraftView draft, ApprovalView approval, DeliveryView delivery,
		ResponseView response, SendOptions sendOptions, List<SuggestedReminderView> suggestedReminders,
		List<ReminderLine> reminders, String createdBy, Instant createdAt) {

	static FollowUpView of(FollowUpDetails details, String html, List<FollowUpReminders.Line> reminders,
			SendOptions sendOptions, Instant now, boolean admin) {
		FollowUp f = details.followUp();
		return new FollowUpView(f.id().value(), f.status(), f.level(), f.level().label(), f.assessedLevel(),
				f.levelOverriddenBy(), f.reasons(), f.offers(), CustomerView.of(details.customer()),
				TicketDetails.of(details.ticket(), now),
				(details.context() != null) ? CustomerImpact.of(details.context()) : null,
				new DraftView(new Address(f.recipient().name(), f.recipient().email()), f.content().subject(),
						f.content().textBody(), html, f.edited() != null, f.contentVersion(), f.generated(),
						f.editedBy(), f.editedAt(), WriterView.of(f.authorship(), admin)),
				(f.approvedBy() != null) ? new ApprovalView(f.approvedBy(), f.approvedAt(), f.approvedVersion()) : null,
				new DeliveryView(f.deliveryStatus(), f.sendRequestedAt(), f.sendRequestedBy(), f.sendAt(), f.sentAt(),
						f.messageId(), f.sendAttempts(), f.deliveryDetail(), f.providerThreadId()),
				ResponseView.of(f), sendOptions,
				f.suggestedReminders()
					.stream()
					.map((r) -> new SuggestedReminderView(r.dueIn().getDays(), r.note()))
					.toList(),
				reminders.stream().map((r) -> ReminderLine.of(r, now)).toList(), f.createdBy(), f.createdAt());
	}

	record CustomerView(long id, String name, CustomerTier tier, Integer healthScore, boolean atRisk) {

		static CustomerView of(Customer c) {
			return new CustomerView(c.id().value(), c.name(), c.tier(), c.healthScore(), c.atRisk());
		}

	}

	record TicketDetails(long id, String number, String issue, String severity, TicketStatus status, String productArea,
			Instant openedAt, Instant resolvedAt, String duration, boolean escalated, String escalatedTo,
			String resolution, int reopenCount) {

		static TicketDetails of(Ticket t, Instant now) {
			String duration = TicketDurations.span(t, now);
			return new TicketDetails(t.id().value(), t.number(), t.subject(), t.priority().label(), t.status(),
					t.productArea(), t.openedAt(), t.resolvedAt(), duration, t.escalated(), t.escalatedTo(),
					t.resolutionSummary(), t.reopenCount());
		}

	}

	record CustomerImpact(Integer healthBefore, Integer healthLowest, Integer healthNow, Integer healthDrop,
			List<HealthPoint> healthTrend, List<Person> stakeholders, boolean escalated, List<RelatedTicket> related,
			int resolvedLast30Days, String customerTone, List<String> summary) {

		static CustomerImpact of(TicketContext c) {
			return new CustomerImpact(c.healthBefore(), c.healthLowest(), c.healthNow(), c.healthDrop(),
					c.healthTrend().stream().map((h) -> new HealthPoint(h.score(), h.recordedAt())).toList(),
					c.stakeholders().stream().map(Person::of).toList(), c.ticket().escalated(),
					c.relatedTickets()
						.stream()
						.map((t) -> new RelatedTicket(t.id().value(), t.number(), t.subject(), t.status()))
						.toList(),
					c.resolvedInRepeatWindow(), c.customerTone().name(), c.impactSummary());
		}

	}

	record HealthPoint(int score, Instant recordedAt) {
	}

	record Person(String name, String role) {

		static Person of(Participant p) {
			return new Person(p.name(), p.role());
		}

	}

	record RelatedTicket(long id, String number, String subject, TicketStatus status) {
	}

	record Address(String name, String email) {
	}

	record DraftView(Address to, String subject, String textBody, String htmlBody, boolean edited, int contentVersion,
			Draft generated, String editedBy, Instant editedAt, WriterView writer) {
	}

	/**
	 * Who wrote the draft (TEMPLATE or MODEL), in which language, why the template wrote
	 * it when the model was asked, and, for admins only, the tokens the model used for
	 * this follow-up.
	 */
	record WriterView(WrittenDraft.Writer writtenBy, String language, String languageName, String fallbackReason,
			Integer tokensUsed) {

		static WriterView of(DraftAuthorship authorship, boolean admin) {
			return new WriterView(authorship.writer(), authorship.language().code(), authorship.language().label(),
					authorship.fallbackReason(), admin ? authorship.tokensUsed() : null);
		}

	}

	record ApprovalView(String approvedBy, Instant approvedAt, Integer approvedVersion) {
	}

	/**
	 * Where the email is: {@code status} (NOT_SENT, QUEUED, SENDING, SENT, FAILED,
	 * UNCONFIRMED; DELAYED, DELIVERED and BOUNCED once the reading side reports them),
	 * when it was asked for and by whom, when it is due ({@code sendAt}, also the next
	 * try after a deferral), when it went out, its Message-ID, the attempts so far, and
	 * {@code detail}: the mail server's answer, or what to do.
	 */
	record DeliveryView(DeliveryStatus status, Instant sendRequestedAt, String sendRequestedBy, Instant sendAt,
			Instant sentAt, String messageId, int attempts, String detail, String providerThreadId) {
	}

	/**
	 * Whether the customer answered: {@code REPLIED} with the answer's time, how it came
	 * ({@code EMAIL}, {@code ONE_CLICK}), its text without quoted history or signature
	 * (the customer's words: a client escapes them), and its reading.
	 */
	record ResponseView(ResponseStatus status, Instant answeredAt, String via, String text, String reading,
			String readingLabel, Double sentiment, String reason) {

		static ResponseView of(FollowUp f) {
			io.aftercare.followup.FollowUpAnswer a = f.answer();
			if (a == null) {
				return new ResponseView(f.responseStatus(), null, null, null, null, null, null, null);
			}
			return new ResponseView(f.responseStatus(), a.answeredAt(), a.via().name(), a.text(), a.kind(),
					a.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), a.sentiment(), a.reason());
		}

	}

	record SuggestedReminderView(int inDays, String note) {
	}

	/** A reminder set for the follow-up; {@code due} when it is due now or overdue. */
	record ReminderLine(long id, Instant dueAt, boolean due, String note, String origin, String status, String owner) {

		static ReminderLine of(FollowUpReminders.Line r, Instant now) {
			return new ReminderLine(r.id(), r.dueAt(), r.status().equals("OPEN") && !r.dueAt().isAfter(now), r.note(),
					r.origin(), r.status(), r.owner());
		}

	}

}
