package io.aftercare.ticket;

import io.aftercare.shared.Text;

/**
 * A person involved in a ticket.
 */
public record Participant(String name, String email, ParticipantSide side, String role) {

	public Participant {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("participant name is required");
		}
		if (side == null) {
			throw new IllegalArgumentException("participant side is required");
		}
		name = name.trim();
		Text.atMost(200, "participant name", name);
		Text.atMost(320, "participant email", email);
		Text.atMost(120, "participant role", role);
	}

}
