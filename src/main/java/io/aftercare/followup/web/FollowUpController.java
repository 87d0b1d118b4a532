package io.aftercare.followup.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.audit.AuditLog;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.HtmlBody;
import io.aftercare.followup.DeliveryFailedException;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpRequest;
import io.aftercare.followup.FollowUpSender;
import io.aftercare.reminder.ReminderView;
import io.aftercare.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
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

	private final HtmlBody html;

	private final Clock clock;

	FollowUpController(FollowUpManagement followUps, FollowUpSender sender, HtmlBody html, Clock clock) {
		this.followUps = followUps;
		this.sender = sender;
		this.html = html;
		this.clock = clock;
	}

	@PostMapping("/api/customers/{id}/ticket-followup")
	@Operation(summary = "Prepare a follow-up on a resolved ticket",
			description = "Without ticketId or ticketNumber, picks the customer's most recent significant resolved "
					+ "ticket. Answers 201 with a new draft, or 200 with the unsent draft the ticket already has.")
	ResponseEntity<FollowUpView> request(@PathVariable long id, @RequestBody(required = false) @Valid NewFollowUp body,
			Csm csm) {
		FollowUpRequest request = (body != null)
				? new FollowUpRequest(body.ticketId(), body.ticketNumber(), body.level()) : FollowUpRequest.latest();
		FollowUpDetails details = this.followUps.request(csm, new CustomerId(id), request);
		FollowUpView view = view(details);
		return details.created() ? ResponseEntity.created(URI.create("/api/followups/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping("/api/customers/{id}/followups")
	@Operation(summary = "The follow-ups of a customer, newest first")
	List<FollowUpSummary> ofCustomer(@PathVariable long id, Csm csm) {
		return this.followUps.ofCustomer(csm, new CustomerId(id)).stream().map(FollowUpSummary::of).toList();
	}

	@GetMapping("/api/followups/{id}")
	@Operation(summary = "A follow-up with its ticket details, customer impact, draft and reminders")
	FollowUpView get(@PathVariable long id, Csm csm) {
		return view(this.followUps.get(csm, id));
	}

	@GetMapping("/api/followups/{id}/history")
	@Operation(summary = "The audit trail of a follow-up: who drafted, edited, approved and sent it, and when")
	List<AuditLog.Entry> history(@PathVariable long id, Csm csm) {
		return this.followUps.history(csm, id);
	}

	@PatchMapping("/api/followups/{id}")
	@Operation(summary = "Edit subject and body; the generated version is kept, and an approval is voided")
	FollowUpView edit(@PathVariable long id, @RequestBody DraftEdit edit, Csm csm) {
		return view(this.followUps.edit(csm, id, edit.subject(), edit.body()));
	}

	@PostMapping("/api/followups/{id}/approve")
	@Operation(summary = "Approve the current wording; schedules the suggested reminders",
			description = "Pass contentVersion to approve only the version you reviewed.")
	FollowUpView approve(@PathVariable long id, @RequestBody(required = false) Approval approval, Csm csm) {
		return view(this.followUps.approve(csm, id, (approval != null) ? approval.contentVersion() : null));
	}

	@PostMapping("/api/followups/{id}/send")
	@Operation(summary = "Send the approved follow-up; sending again sends nothing more")
	FollowUpView send(@PathVariable long id, Csm csm) {
		return view(this.sender.send(csm, id));
	}

	@PostMapping("/api/followups/{id}/discard")
	@Operation(summary = "Discard an unsent follow-up")
	FollowUpView discard(@PathVariable long id, Csm csm) {
		return view(this.followUps.discard(csm, id));
	}

	@PostMapping("/api/followups/{id}/reminders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a reminder to a follow-up, due at a time or in a number of days")
	ReminderView addReminder(@PathVariable long id, @RequestBody @Valid NewReminderRequest body, Csm csm) {
		Instant now = this.clock.instant();
		Instant due;
		if (body.dueAt() != null) {
			due = body.dueAt();
		}
		else if (body.inDays() != null) {
			due = now.plus(Duration.ofDays(body.inDays()));
		}
		else {
			throw new InvalidInputException("Give dueAt or inDays.");
		}
		return ReminderView.of(this.followUps.addReminder(csm, id, due, body.note()), now);
	}

	@ExceptionHandler
	ProblemDetail deliveryFailed(DeliveryFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setType(URI.create("https://aftercare.io/problems/delivery-failed"));
		problem.setTitle("Email not sent");
		problem.setProperty("followUpId", ex.followUpId());
		return problem;
	}

	private FollowUpView view(FollowUpDetails details) {
		return FollowUpView.of(details, this.html.render(details.followUp().content().textBody()),
				this.clock.instant());
	}

	/** A follow-up in a list. */
	record FollowUpSummary(long id, long ticketId, FollowUpStatus status, FollowUpLevel level, String subject,
			String createdBy, Instant createdAt, Instant sentAt) {

		static FollowUpSummary of(FollowUp f) {
			return new FollowUpSummary(f.id(), f.ticketId(), f.status(), f.level(), f.content().subject(),
					f.createdBy(), f.createdAt(), f.sentAt());
		}

	}

	record NewFollowUp(Long ticketId, @Size(max = 64) String ticketNumber, FollowUpLevel level) {
	}

	/** Checked by {@link Draft} itself, as the chat's edit form is. */
	record DraftEdit(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Draft.MAX_SUBJECT_LENGTH) String subject,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Draft.MAX_BODY_LENGTH) String body) {
	}

	record Approval(Integer contentVersion) {
	}

	record NewReminderRequest(Instant dueAt, @Min(1) @Max(365) Integer inDays, @NotBlank @Size(max = 500) String note) {
	}

}
