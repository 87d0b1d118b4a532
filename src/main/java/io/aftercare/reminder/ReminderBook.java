package io.aftercare.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.audit.AuditLog;
import io.aftercare.customer.CustomerId;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CSM's reminders: schedule, list, complete. A CSM sees their own reminders; an admin
 * sees all.
 */
@Service
@Transactional
public class ReminderBook {

	private static final String COLUMNS = """
			id, owner_username, customer_id, followup_id, due_at, note, origin, status, created_by, created_at,
			completed_at
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReminderBook(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public Reminder schedule(NewReminder reminder, String createdBy) {
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into reminders (owner_username, customer_id, followup_id, due_at, note, origin, status,
				    created_by, created_at)
				values (:owner, :customer, :followUp, :dueAt, :note, :origin, 'OPEN', :createdBy, :now)
				""")
			.param("owner", reminder.owner())
			.param("customer", reminder.customerId().value())
			.param("followUp", reminder.followUpId())
			.param("dueAt", SqlTime.utc(reminder.dueAt()))
			.param("note", reminder.note())
			.param("origin", reminder.origin().name())
			.param("createdBy", createdBy)
			.param("now", SqlTime.utc(this.clock.instant()))
			.update(key, "id");
		Reminder created = this.jdbc.sql("select " + COLUMNS + " from reminders where id = :id")
			.param("id", key.getKeyAs(Number.class).longValue())
			.query(ReminderBook::reminder)
			.single();
		this.audit.record(createdBy, "reminder", created.id().value(), "scheduled",
				reminder.origin() + " due " + reminder.dueAt() + ": " + reminder.note());
		return created;
	}

	@Transactional(readOnly = true)
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

	@Transactional(readOnly = true)
	public List<Reminder> forFollowUp(long followUpId) {
		return this.jdbc.sql("select " + COLUMNS + " from reminders where followup_id = :id order by due_at, id")
			.param("id", followUpId)
			.query(ReminderBook::reminder)
			.list();
	}

	public Reminder complete(Csm viewer, ReminderId id) {
		Reminder reminder = find(viewer, id)
			.orElseThrow(() -> new NotFoundException("No reminder " + id.value() + "."));
		if (reminder.status() == ReminderStatus.DONE) {
			return reminder;
		}
		this.jdbc.sql("update reminders set status = 'DONE', completed_at = :now where id = :id")
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("id", id.value())
			.update();
		this.audit.record(viewer.username(), "reminder", id.value(), "completed", null);
		return find(viewer, id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Reminder> find(Csm viewer, ReminderId id) {
		return this.jdbc.sql("select " + COLUMNS + """
				from reminders where id = :id and (cast(:owner as varchar) is null or owner_username = :owner)
				""")
			.param("id", id.value())
			.param("owner", viewer.ownerFilter())
			.query(ReminderBook::reminder)
			.optional();
	}

	static Reminder reminder(ResultSet rs, int row) throws SQLException {
		long followUp = rs.getLong("followup_id");
		return new Reminder(new ReminderId(rs.getLong("id")), rs.getString("owner_username"),
				new CustomerId(rs.getLong("customer_id")), (followUp != 0) ? followUp : null,
				SqlTime.instant(rs, "due_at"), rs.getString("note"), ReminderOrigin.valueOf(rs.getString("origin")),
				ReminderStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "completed_at"));
	}

}
