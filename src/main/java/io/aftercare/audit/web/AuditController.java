package io.aftercare.audit.web;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.audit.AuditLog;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of what a CSM may see.
 */
@RestController
@Tag(name = "Follow-ups")
class AuditController {

	private final AuditLog audit;

	private final FollowUpManagement followUps;

	AuditController(AuditLog audit, FollowUpManagement followUps) {
		this.audit = audit;
		this.followUps = followUps;
	}

	@GetMapping("/api/followups/{id}/history")
	@Operation(summary = "The audit trail of a follow-up: who drafted, edited, approved and sent it, and when",
			description = "Written right after each change, from the change's event: a change made a moment ago "
					+ "may take a moment to appear.")
	List<AuditLog.Entry> followUpHistory(@PathVariable long id, Csm csm) {
		FollowUpId followUp = new FollowUpId(id);
		this.followUps.find(csm, followUp).orElseThrow(() -> new FollowUpNotFoundException(followUp));
		return this.audit.ofFollowUp(followUp);
	}

}
