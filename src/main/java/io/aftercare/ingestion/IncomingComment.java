package io.aftercare.ingestion;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aftercare.ticket.CommentAuthor;
import io.aftercare.ticket.TicketComment;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A comment on a ticket. Without {@code public} it counts as internal: taking an internal
 * note for something the customer saw is the worse mistake.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingComment(
		@Schema(description = "the desk's id; derived from the content when missing") String externalId,
		@Schema(implementation = CommentAuthor.class, description = "case-insensitive") String author,
		String authorName, @JsonProperty("public") @Schema(name = "public") Boolean publicComment, String body,
		@Schema(example = "2026-10-30T14:05:00Z") Instant createdAt) {

	TicketComment toComment() {
		return new TicketComment(Fields.blankToNull(this.externalId),
				Fields.choice(CommentAuthor.class, "author", this.author), Fields.blankToNull(this.authorName),
				Boolean.TRUE.equals(this.publicComment), this.body, this.createdAt);
	}

}
