package io.aftercare.ingestion;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.ticket.TicketPriority;
import io.aftercare.ticket.TicketRecord;
import io.aftercare.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A support ticket as its desk describes it. The customer and the requester (a contact)
 * are named by their source keys, whose source defaults to the ticket's own. Tags and
 * participants replace the stored ones; comments are added or corrected, never removed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A support ticket, created or updated under source + externalId")
public record IncomingTicket(@Schema(example = "zendesk") String source, @Schema(example = "48213") String externalId,
		@Schema(description = "as agents write it; defaults to externalId", example = "48213") String number,
		IncomingKey customer, String customerSource, String customerExternalId,
		@Schema(example = "SSO login fails for all users") String subject, String description,
		@Schema(example = "Authentication") String productArea,
		@Schema(implementation = TicketPriority.class, description = "case-insensitive") String priority,
		@Schema(implementation = TicketStatus.class, description = "case-insensitive") String status,
		@Schema(example = "2026-10-29T08:12:00Z") Instant openedAt, Instant resolvedAt, Instant reopenedAt,
		Integer reopenCount, @Schema(description = "the contact who asked") IncomingKey requester, Boolean escalated,
		String escalatedTo, String resolutionSummary, @Schema(example = "good") String satisfactionRating,
		List<String> tags, List<IncomingParticipant> participants, List<IncomingComment> comments) {

	/**
	 * The same ticket, named as belonging to {@code customer} and asked by
	 * {@code requester} (none when null): a connector learns both only once it has
	 * matched the desk's account to a customer.
	 */
	public IncomingTicket withCustomer(IncomingKey customer, IncomingKey requester) {
		return new IncomingTicket(this.source, this.externalId, this.number, customer, null, null, this.subject,
				this.description, this.productArea, this.priority, this.status, this.openedAt, this.resolvedAt,
				this.reopenedAt, this.reopenCount, requester, this.escalated, this.escalatedTo, this.resolutionSummary,
				this.satisfactionRating, this.tags, this.participants, this.comments);
	}

	/**
	 * Why the ingestion door would refuse this ticket whichever customer it turns out to
	 * be, or {@code null} when it would take it. A connector asks before it holds a
	 * ticket for an account nobody mapped yet: what is held must be able to land.
	 */
	public String refusal() {
		try {
			withCustomer(new IncomingKey(this.source, "(any customer)"), null).toRecord();
			return null;
		}
		catch (IllegalArgumentException | InvalidInputException ex) {
			return ex.getMessage();
		}
	}

	String key() {
		return Fields.describe(this.source, this.externalId);
	}

	TicketRecord toRecord() {
		return new TicketRecord(Fields.sourceKey(this.source, this.externalId),
				Fields.customer(this.customer, this.customerSource, this.customerExternalId, this.source), this.number,
				this.subject, Fields.blankToNull(this.description), Fields.blankToNull(this.productArea),
				Fields.choice(TicketPriority.class, "priority", this.priority),
				Fields.choice(TicketStatus.class, "status", this.status), this.openedAt, this.resolvedAt,
				this.reopenedAt, (this.reopenCount != null) ? this.reopenCount : 0,
				(this.requester != null) ? Fields.reference("requester", this.requester, this.source) : null,
				Boolean.TRUE.equals(this.escalated), Fields.blankToNull(this.escalatedTo),
				Fields.blankToNull(this.resolutionSummary), Fields.blankToNull(this.satisfactionRating), this.tags,
				Fields.each("participants", this.participants, IncomingParticipant::toParticipant),
				Fields.each("comments", this.comments, IncomingComment::toComment));
	}

}
