package io.aftercare.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.ParticipantSide;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person involved in a ticket, on the customer's side or ours.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingParticipant(@Schema(example = "Dana Reyes") String name,
		@Schema(example = "dana@techflow.example") String email,
		@Schema(implementation = ParticipantSide.class, description = "case-insensitive") String side,
		@Schema(example = "requester") String role) {

	Participant toParticipant() {
		return new Participant(this.name, Fields.blankToNull(this.email),
				Fields.choice(ParticipantSide.class, "side", this.side), Fields.blankToNull(this.role));
	}

}
