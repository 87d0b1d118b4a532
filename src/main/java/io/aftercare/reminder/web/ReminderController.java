package io.aftercare.reminder.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.followup.FollowUpId;
import io.aftercare.reminder.Reminder;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderId;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in CSM's reminders.
 */
@RestController
@Tag(name = "Reminders")
class ReminderController {

	private final ReminderBook reminders;

	private final Clock clock;

	ReminderController(ReminderBook reminders, Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@GetMapping("/api/reminders")
	@Operation(summary = "Your reminders, soonest first")
	List<ReminderView> list(
			@Parameter(description = "OPEN (default) or DONE") @RequestParam(
					defaultValue = "OPEN") ReminderStatus status,
			@Parameter(description = "only those due now or overdue") @RequestParam(
					defaultValue = "false") boolean dueOnly,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, Csm csm) {
		Instant now = this.clock.instant();
		return this.reminders.list(csm, status, dueOnly ? now : null, limit)
			.stream()
			.map((reminder) -> ReminderView.of(reminder, now))
			.toList();
	}

	@PostMapping("/api/followups/{id}/reminders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a reminder to a follow-up, due at a time or in a number of days")
	ReminderView addToFollowUp(@PathVariable long id, @RequestBody @Valid NewReminderRequest body, Csm csm) {
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
		return ReminderView.of(this.reminders.addToFollowUp(csm, new FollowUpId(id), due, body.note()), now);
	}

	@PostMapping("/api/reminders/{id}/complete")
	@Operation(summary = "Mark a reminder done")
	ReminderView complete(@PathVariable long id, Csm csm) {
		Reminder done = this.reminders.complete(csm, new ReminderId(id));
		return ReminderView.of(done, this.clock.instant());
	}

	record NewReminderRequest(Instant dueAt, @Min(1) @Max(365) Integer inDays, @NotBlank @Size(max = 500) String note) {
	}

}
