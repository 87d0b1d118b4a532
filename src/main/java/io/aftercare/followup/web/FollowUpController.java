package io.aftercare.followup.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.DraftStyle;
import io.aftercare.drafting.Language;
import io.aftercare.drafting.HtmlBody;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpReminders;
import io.aftercare.followup.FollowUpRequest;
import io.aftercare.followup.FollowUpSender;
import io.aftercare.followup.SendAttempt;
import io.aftercare.followup.SendTiming;
import io.aftercare.followup.TicketQuery;
import io.aftercare.followup.DeliveryStatus;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.ticket.TicketId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steps 3 and 4 of the PRD: prepare the follow-up email, let the CSM edit and approve it,
 * send it, and keep reminders beside it.
 */
@RestController
@Tag(name = "Follow-ups")
class FollowUpController {

	private final FollowUpManagement followUps;

	private final FollowUpSender sender;

	private final FollowUpReminders reminders;

	private final HtmlBody html;

	private final Clock clock;

	FollowUpController(FollowUpManagement followUps, FollowUpSender sender, FollowUpReminders reminders, HtmlBody html,
			Clock clock) {
		this.followUps = followUps;
		this.sender = sender;
		this.reminders = reminders;
		this.html = html;
		this.clock = clock;
	}

	@PostMapping("/api/customers/{id}/ticket-followup")
	@Operation(summary = "Prepare a follow-up on a resolved ticket",
			description = "Without ticketId or ticketNumber, picks the ticket the CSM most likely means: the only one "
					+ "resolved in the last 30 days, or else the most recent significant one of the last 90 days. "
					+ "Answers 201 with a new draft, or 200 with the unsent draft the ticket already has.")
	ResponseEntity<FollowUpView> request(@PathVariable long id, @RequestBody(required = false) @Valid NewFollowUp body,
			Csm csm) {
		FollowUpRequest request = (body != null)
				? new FollowUpRequest(new TicketQuery(body.ticketId(), body.ticketNumber(), List.of()), body.level(),
						language(body.language()))
				: FollowUpRequest.latest();
		FollowUpDetails details = this.followUps.request(csm, new CustomerId(id), request);
		FollowUpView view = view(csm, details);
		return details.created() ? ResponseEntity.created(URI.create("/api/followups/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping("/api/customers/{id}/followups")
	@Operation(summary = "The follow-ups of a customer, newest first")
	List<FollowUpSummary> ofCustomer(@PathVariable long id, Csm csm) {
		return this.followUps.ofCustomer(csm, new CustomerId(id)).stream().map(FollowUpSummary::of).toList();
	}

	@GetMapping("/api/followups")
	@Operation(summary = "Your follow-ups in a status, newest first",
			description = "status=DRAFT lists the drafts waiting for you, those Aftercare prepared unasked included "
					+ "(createdBy aftercare; their first reason says why).")
	List<FollowUpSummary> inBook(@RequestParam(defaultValue = "DRAFT") FollowUpStatus status,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Csm csm) {
		return this.followUps.inBook(csm, status, limit).stream().map(FollowUpSummary::of).toList();
	}

	@GetMapping("/api/followups/{id}")
	@Operation(summary = "A follow-up with its ticket details, customer impact, draft and reminders")
	FollowUpView get(@PathVariable long id, Csm csm) {
		return view(csm, this.followUps.get(csm, new FollowUpId(id)));
	}

	@PatchMapping("/api/followups/{id}")
	@Operation(summary = "Edit subject and body; the generated version is kept, and an approval is voided")
	FollowUpView edit(@PathVariable long id, @RequestBody DraftEdit edit, Csm csm) {
		return view(csm, this.followUps.edit(csm, new FollowUpId(id), edit.subject(), edit.body()));
	}

	@PostMapping("/api/followups/{id}/approve")
	@Operation(summary = "Approve the current wording; the suggested reminders are scheduled right after",
			description = "Pass contentVersion to approve only the version you reviewed.")
	FollowUpView approve(@PathVariable long id, @RequestBody(required = false) Approval approval, Csm csm) {
		return view(csm,
				this.followUps.approve(csm, new FollowUpId(id), (approval != null) ? approval.contentVersion() : null));
	}

	@PostMapping("/api/followups/{id}/send")
	@Operation(summary = "Send the approved follow-up, now or later; sending again sends nothing more",
			description = "Queues the email in the durable send queue. Without a body, or with when=NOW, it waits a "
					+ "few seconds for the mail server: 200 with status SENT when it went out, 202 with status QUEUED "
					+ "when it is not out yet (delivery.detail says why; the queue keeps trying). when=CONTACT_MORNING "
					+ "sends at 9:00 on the contact's next business day in their time zone, when=AT at sendAt "
					+ "(at most 90 days ahead): 202 with status QUEUED and delivery.sendAt. A refusal by the mail "
					+ "server answers 502; the follow-up stays approved.")
	ResponseEntity<FollowUpView> send(@PathVariable long id, @RequestBody(required = false) SendRequest request,
			Csm csm) {
		SendAttempt attempt = this.sender.send(csm, new FollowUpId(id),
				(request != null) ? request.timing() : SendTiming.NOW);
		FollowUpView view = view(csm, attempt.followUp());
		return switch (attempt.result()) {
			case SENT, ALREADY_SENT -> ResponseEntity.ok(view);
			case QUEUED, SCHEDULED, BEING_SENT -> ResponseEntity.accepted().body(view);
		};
	}

	@PostMapping("/api/followups/{id}/rewrite")
	@Operation(summary = "Write the draft again: shorter, warmer, more formal, afresh, or by the template",
			description = "style is shorter, warmer, more formal, fresh or template; language (en, de, fr, es, or "
					+ "a name such as German) switches the language, else the draft's own is kept. Every style but "
					+ "template needs the language-model writer (409 no-writer-model without it). A draft the "
					+ "model cannot ground in the facts is replaced by the template's, and draft.writer.fallbackReason "
					+ "says why. The new draft is an edit by you: an approval is voided.")
	FollowUpView rewrite(@PathVariable long id, @RequestBody @Valid Rewrite rewrite, Csm csm) {
		Language language = language(rewrite.language());
		DraftStyle style = (rewrite.style() != null) ? DraftStyle.of(rewrite.style())
			.orElseThrow(() -> new InvalidInputException(
					"style must be one of shorter, warmer, more formal, fresh, template"))
				: null;
		if (style == null && language == null) {
			throw new InvalidInputException("Say how to rewrite it: a style, a language, or both");
		}
		if (style == null) {
			style = this.followUps.writesWithModel() ? DraftStyle.FRESH : DraftStyle.TEMPLATE;
		}
		return view(csm, this.followUps.rewrite(csm, new FollowUpId(id), style, language));
	}

	@PostMapping("/api/followups/{id}/template")
	@Operation(summary = "Replace the draft with the template's, in the draft's language (one click back)")
	FollowUpView template(@PathVariable long id, Csm csm) {
		return view(csm, this.followUps.rewrite(csm, new FollowUpId(id), DraftStyle.TEMPLATE, null));
	}

	@PostMapping("/api/followups/{id}/discard")
	@Operation(summary = "Discard an unsent follow-up")
	FollowUpView discard(@PathVariable long id, Csm csm) {
		return view(csm, this.followUps.discard(csm, new FollowUpId(id)));
	}

	private FollowUpView view(Csm csm, FollowUp changed) {
		return view(csm, this.followUps.details(csm, changed));
	}

	private FollowUpView view(Csm csm, FollowUpDetails details) {
		return FollowUpView.of(details, this.html.render(details.followUp().content().textBody()),
				this.reminders.of(details.followUp().id()), this.sender.options(details), this.clock.instant(),
				csm.admin());
	}

	private static Language language(String said) {
		if (said == null || said.isBlank()) {
			return null;
		}
		return Language.of(said)
			.orElseThrow(() -> new InvalidInputException(
					"language must be one of en, de, fr, es (or English, German, French, Spanish)"));
	}

	/** A follow-up in a list. */
	record FollowUpSummary(long id, long customerId, long ticketId, List<Long> alsoCovers, FollowUpStatus status,
			FollowUpLevel level, String subject, String createdBy, String why, String holdReason, Instant createdAt,
			DeliveryStatus deliveryStatus, Instant sendAt, Instant sentAt, String deliveryDetail) {

		static FollowUpSummary of(FollowUp f) {
			return new FollowUpSummary(f.id().value(), f.customerId().value(), f.ticketId().value(),
					f.alsoCovers().stream().map(TicketId::value).toList(), f.status(), f.level(), f.content().subject(),
					f.createdBy(),
					(f.createdBy().equals(Csm.AFTERCARE.username()) && !f.reasons().isEmpty()) ? f.reasons().get(0)
							: null,
					f.holdReason(), f.createdAt(), f.deliveryStatus(), f.sendAt(), f.sentAt(), f.deliveryDetail());
		}

	}

	/**
	 * When to send: {@code NOW} (the default), {@code CONTACT_MORNING} (9:00 on the
	 * contact's next business day, in their time zone) or {@code AT} {@code sendAt}.
	 * {@code sendAt} alone means {@code AT}.
	 */
	record SendRequest(SendTiming.When when, Instant sendAt) {

		SendTiming timing() {
			SendTiming.When kind = (this.when != null) ? this.when
					: (this.sendAt != null) ? SendTiming.When.AT : SendTiming.When.NOW;
			if ((kind == SendTiming.When.AT) != (this.sendAt != null)) {
				throw new InvalidInputException("sendAt is required with when=AT, and only with it");
			}
			return new SendTiming(kind, this.sendAt);
		}

	}

	record NewFollowUp(Long ticketId, @Size(max = 64) String ticketNumber, FollowUpLevel level,
			@Schema(description = "The language to write in (en, de, fr, es); the contact's by default",
					example = "de") @Size(max = 32) String language) {
	}

	/** How to write a draft again. */
	record Rewrite(
			@Schema(description = "shorter, warmer, more formal, fresh or template",
					example = "shorter") @Size(max = 32) String style,
			@Schema(description = "en, de, fr or es; the draft's own by default",
					example = "de") @Size(max = 32) String language) {
	}

	/** Checked by {@link Draft} itself, as the chat's edit form is. */
	record DraftEdit(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Draft.MAX_SUBJECT_LENGTH) String subject,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Draft.MAX_BODY_LENGTH) String body) {
	}

	record Approval(Integer contentVersion) {
	}

}
