package io.aftercare.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpNotFoundException;
import io.aftercare.followup.FollowUpReminders;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CSM's reminders: schedule, list, complete. A CSM sees their own reminders; an admin
 * sees all. Also what a follow-up shows of its reminders.
 */
@Service
@Transactional
public class ReminderBook implements FollowUpReminders {

	private static final String COLUMNS = """
			id, owner_username, customer_id, followup_id, due_at, note, origin, status, created_by, created_at,
			completed_at
			""";

	private final JdbcClient jdbc;

	private final FollowUpManagement followUps;

	private final CustomerBook customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReminderBook(JdbcClient jdbc, FollowUpManagement followUps, CustomerBook customers,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.followUps = followUps;
		this.customers = customers;
		this.events = events;
		this.clock = clock;
	}

	public Reminder schedule(NewReminder reminder, String scheduledBy) {
		Instant now = this.clock.instant();
		var key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into reminders (owner_username, customer_id, followup_id, due_at, note, origin, status,
				    created_by, created_at)
				values (:owner, :customer, :followUp, :dueAt, :note, :origin, 'OPEN', :createdBy, :now)
				""")
			.param("owner", reminder.owner())
			.param("customer", reminder.customerId().value())
			.param("followUp", (reminder.followUpId() != null) ? reminder.followUpId().value() : null)
			.param("dueAt", SqlTime.utc(reminder.dueAt()))
			.param("note", reminder.note())
			.param("origin", reminder.origin().name())
			.param("createdBy", scheduledBy)
			.param("now", SqlTime.utc(now))
			.update(key, "id");
		ReminderId id = new ReminderId(key.getKeyAs(Number.class).longValue());
		this.events.publishEvent(new ReminderScheduled(id, reminder.customerId(), reminder.followUpId(),
				reminder.owner(), reminder.dueAt(), reminder.note(), reminder.origin(), scheduledBy, now));
		return this.jdbc.sql("select " + COLUMNS + " from reminders where id = :id")
			.param("id", id.value())
			.query(ReminderBook::reminder)
			.single();
	}

	/**
	 * A reminder of the CSM's own on a follow-up they may see, for the CSM who owns its
	 * customer.
	 * @throws FollowUpNotFoundException when the follow-up is not one of theirs
	 * @throws InvalidInputException when it would not be due in the future
	 */
	public Reminder addToFollowUp(Csm csm, FollowUpId followUpId, Instant dueAt, String note) {
		FollowUp followUp = this.followUps.find(csm, followUpId)
			.orElseThrow(() -> new FollowUpNotFoundException(followUpId));
		if (dueAt == null || !dueAt.isAfter(this.clock.instant())) {
			throw new InvalidInputException("A reminder must be due in the future.");
		}
		Customer customer = this.customers.require(csm, followUp.customerId());
		return schedule(new NewReminder(this.customers.owner(customer, csm).username(), followUp.customerId(),
				followUpId, dueAt, note, ReminderOrigin.MANUAL), csm.username());
	}

	@ReadOnly
	public List<Reminder> list(Csm viewer, ReminderStatus status, Instant dueBefore, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				from reminders
				where (cast(:owner as varchar) is null or owner_username = :owner)
				  and (cast(:status as varchar) is null or status = :status)
				  and (cast(:dueBefore as timestamp with time zone) is null or due_at <= :dueBefore)
				order by due_at, id limit :limit
				""")
			.param("owner", viewer.ownerFilter())
			.param("status", (status != null) ? status.name() : null)
			.param("dueBefore", SqlTime.utc(dueBefore))
			.param("limit", limit)
			.query(ReminderBook::reminder)
			.list();
	}

	@ReadOnly
	public List<Reminder> forFollowUp(FollowUpId followUpId) {
		return this.jdbc.sql("select " + COLUMNS + " from reminders where followup_id = :id order by due_at, id")
			.param("id", followUpId.value())
			.query(ReminderBook::reminder)
			.list();
	}

	@Override
	@ReadOnly
	public List<Line> of(FollowUpId followUp) {
		return forFollowUp(followUp).stream()
			.map((r) -> new Line(r.id().value(), r.dueAt(), r.note(), r.origin().name(), r.status().name(), r.owner()))
			.toList();
	}

	public Reminder complete(Csm viewer, ReminderId id) {
		Reminder reminder = find(viewer, id)
			.orElseThrow(() -> new NotFoundException("No reminder " + id.value() + "."));
		if (reminder.status() == ReminderStatus.DONE) {
			return reminder;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update reminders set status = 'DONE', completed_at = :now where id = :id")
			.param("now", SqlTime.utc(now))
			.param("id", id.value())
			.update();
		this.events.publishEvent(new ReminderCompleted(id, reminder.customerId(), viewer.username(), now));
		return find(viewer, id).orElseThrow();
	}

	@ReadOnly
	public Optional<Reminder> find(Csm viewer, ReminderId id) {
		return this.jdbc.sql("select " + COLUMNS + """
				from reminders where id = :id and (cast(:owner as varchar) is null or owner_username = :owner)
				""")
			.param("id", id.value())
			.param("owner", viewer.ownerFilter())
			.query(ReminderBook::reminder)
			.optional();
	}

	/** Whether the follow-up's suggested reminders were scheduled already. */
	@ReadOnly
	boolean hasSuggested(FollowUpId followUpId) {
		return this.jdbc.sql("""
				select count(*) from reminders where followup_id = :id and origin = 'SUGGESTED'
				""").param("id", followUpId.value()).query(Long.class).single() > 0;
	}

	static Reminder reminder(ResultSet rs, int row) throws SQLException {
		long followUp = rs.getLong("followup_id");
		return new Reminder(new ReminderId(rs.getLong("id")), rs.getString("owner_username"),
				new CustomerId(rs.getLong("customer_id")), (followUp != 0) ? new FollowUpId(followUp) : null,
				SqlTime.instant(rs, "due_at"), rs.getString("note"), ReminderOrigin.valueOf(rs.getString("origin")),
				ReminderStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "completed_at"));
	}

}
