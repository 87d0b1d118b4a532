package io.aftercare.followup;

import io.aftercare.shared.NotFoundException;

/**
 * No such follow-up for the signed-in CSM.
 */
public class FollowUpNotFoundException extends NotFoundException {

	public FollowUpNotFoundException(FollowUpId id) {
		super("No follow-up " + id.value() + " for your customers.");
	}

}
