package io.aftercare.followup;

import java.time.Instant;
import java.util.List;

/**
 * The reminders kept beside a follow-up, shown with it. The reminder module keeps them
 * (it schedules the suggested ones when it hears {@link FollowUpApproved}) and provides
 * this; the follow-up module only reads them, so that it does not depend on the module
 * that reacts to it.
 */
public interface FollowUpReminders {

	/** The follow-up's reminders, soonest first. */
	List<Line> of(FollowUpId followUp);

	/** One reminder as a follow-up shows it. */
	record Line(long id, Instant dueAt, String note, String origin, String status, String owner) {
	}

}
