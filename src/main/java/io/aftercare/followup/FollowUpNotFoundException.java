package io.aftercare.followup;

import io.aftercare.shared.NotFoundException;

/**
 * No such follow-up for the signed-in CSM.
 */
public class FollowUpNotFoundException extends NotFoundException {

	public FollowUpNotFoundException(long id) {
		super("No follow-up " + id + " for your customers.");
	}

}
