package io.aftercare.operations.web;

import java.time.Duration;
import java.util.List;

import io.aftercare.operations.EventPublications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: the module events still waiting for a listener, and a way to try them again
 * now.
 */
@RestController
@Tag(name = "Administration")
class EventPublicationController {

	private final EventPublications publications;

	EventPublicationController(EventPublications publications) {
		this.publications = publications;
	}

	@GetMapping("/api/admin/event-publications")
	@Operation(summary = "Module events whose listener has not completed, oldest first",
			description = "A listener that failed is retried on a schedule and on every restart; what stays here "
					+ "for long points at a listener that keeps failing (see the log).")
	List<EventPublications.Pending> pending(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.publications.pending(limit);
	}

	@PostMapping("/api/admin/event-publications/resubmit")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Hand every incomplete event to its listener again, now")
	void resubmit() {
		this.publications.resubmitOlderThan(Duration.ZERO);
	}

}
