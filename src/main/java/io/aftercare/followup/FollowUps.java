package io.aftercare.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.Language;
import io.aftercare.drafting.WrittenDraft;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;
import io.aftercare.ticket.TicketId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores follow-ups in {@code support_followups}. Updates are guarded by the row version,
 * so two concurrent transitions (a double-clicked Send) cannot both succeed.
 */
@Repository
// Writes in a transaction, also when no caller began one; reads (@ReadOnly) join the
// caller's or run without one, their queries still on one connection.
@Transactional
class FollowUps {

	private static final String SEPARATOR = "\n";

	private final JdbcClient jdbc;

	FollowUps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ReadOnly
	Optional<FollowUp> find(FollowUpId id) {
		return complete(this.jdbc.sql("select * from support_followups where id = :id")
			.param("id", id.value())
			.query(this::row)
			.list()).stream().findFirst();
	}

	/**
	 * "Open" here: still in hand, whatever it waits for (an edit, an approval, its send
	 * time, a retry, its ticket's resolution), that is every status whose wording may
	 * still change ({@link FollowUpStatus#isEditable()}); the set V82's one-per-ticket
	 * index holds. Wider than {@link FollowUpStatus#isOpen()} by a queued follow-up,
	 * which a CSM can no longer approve but which still is the ticket's one.
	 */
	static final String OPEN = Arrays.stream(FollowUpStatus.values())
		.filter(FollowUpStatus::isEditable)
		.map((status) -> "'" + status.name() + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	/**
	 * The newest follow-up of a ticket, as its own ticket, that is still a draft,
	 * approved, queued, failed or on hold.
	 */
	@ReadOnly
	Optional<FollowUp> openForTicket(TicketId ticketId) {
		return complete(
				this.jdbc.sql("select * from support_followups where ticket_id = :ticket and status in " + OPEN + """
						order by created_at desc, id desc limit 1
						""").param("ticket", ticketId.value()).query(this::row).list())
			.stream()
			.findFirst();
	}

	/** The open follow-ups that speak of a ticket, as their own or beside it. */
	@ReadOnly
	List<FollowUp> openCovering(TicketId ticketId) {
		return complete(this.jdbc
			.sql("select * from support_followups f where f.status in " + OPEN
					+ """
							  and (f.ticket_id = :ticket
							       or exists (select 1 from followup_tickets ft where ft.followup_id = f.id and ft.ticket_id = :ticket))
							order by f.id
							""")
			.param("ticket", ticketId.value())
			.query(this::row)
			.list());
	}

	/** The open follow-ups of a customer, newest first. */
	@ReadOnly
	List<FollowUp> openForCustomer(CustomerId customerId) {
		return openForCustomer(customerId, "");
	}

	/**
	 * The customer's open follow-ups, newest first, locked until the transaction ends:
	 * two changes to them (a ticket's redraft, Aftercare's draft for the customer) take
	 * turns, and the second sees what the first did.
	 */
	List<FollowUp> lockOpenForCustomer(CustomerId customerId) {
		return openForCustomer(customerId, " for update");
	}

	private List<FollowUp> openForCustomer(CustomerId customerId, String lock) {
		return complete(this.jdbc
			.sql("select * from support_followups where customer_id = :customer and status in " + OPEN
					+ " order by created_at desc, id desc" + lock)
			.param("customer", customerId.value())
			.query(this::row)
			.list());
	}

	/** When the customer last got a follow-up, if ever. */
	@ReadOnly
	Optional<Instant> lastSentTo(CustomerId customerId) {
		return this.jdbc.sql("""
				select max(sent_at) as sent_at from support_followups where customer_id = :customer and status = 'SENT'
				""").param("customer", customerId.value()).query((rs, i) -> SqlTime.instant(rs, "sent_at")).optional();
	}

	/**
	 * Follow-ups of the owner's customers (all customers for {@code null}) in a status,
	 * newest first.
	 */
	@ReadOnly
	List<FollowUp> inBook(String owner, FollowUpStatus status, int limit) {
		return complete(this.jdbc.sql("""
				select f.* from support_followups f join customers c on c.id = f.customer_id
				where (cast(:owner as varchar) is null or c.owner_username = :owner) and f.status = :status
				order by f.created_at desc, f.id desc limit :limit
				""")
			.param("owner", owner)
			.param("status", status.name())
			.param("limit", limit)
			.query(this::row)
			.list());
	}

	/**
	 * Follow-ups queued or being sent, with the send queue's entry each one expects to
	 * own it.
	 */
	@ReadOnly
	Map<FollowUpId, String> onTheirWay() {
		Map<FollowUpId, String> found = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select id, send_task from support_followups where status in ('QUEUED', 'SENDING') order by id")
			.query((rs) -> {
				found.put(new FollowUpId(rs.getLong("id")), rs.getString("send_task"));
			});
		return found;
	}

	/**
	 * The owner's follow-ups on their way or whose send failed, and those sent since
	 * {@code sentSince}, newest first: what the side panel shows of deliveries.
	 */
	@ReadOnly
	List<FollowUp> deliveries(String owner, Instant sentSince, int limit) {
		return complete(this.jdbc.sql("""
				select f.* from support_followups f join customers c on c.id = f.customer_id
				where (cast(:owner as varchar) is null or c.owner_username = :owner)
				  and (f.status in ('QUEUED', 'SENDING', 'FAILED') or (f.status = 'SENT' and f.sent_at >= :since))
				order by f.send_requested_at desc, f.id desc limit :limit
				""")
			.param("owner", owner)
			.param("since", SqlTime.utc(sentSince))
			.param("limit", limit)
			.query(this::row)
			.list());
	}

	/** The newest follow-up of a ticket that went out. */
	@ReadOnly
	Optional<FollowUp> lastSentForTicket(TicketId ticketId) {
		return complete(this.jdbc.sql("""
				select * from support_followups where ticket_id = :ticket and status = 'SENT'
				order by sent_at desc, id desc limit 1
				""").param("ticket", ticketId.value()).query(this::row).list()).stream().findFirst();
	}

	@ReadOnly
	List<FollowUp> ofCustomer(CustomerId customerId, int limit) {
		return complete(this.jdbc.sql("""
				select * from support_followups where customer_id = :customer order by created_at desc, id desc
				limit :limit
				""").param("customer", customerId.value()).param("limit", limit).query(this::row).list());
	}

	/**
	 * Resolved tickets of the owner's customers since {@code since} with no follow-up
	 * other than discarded ones. Reads the customer and ticket tables directly: one
	 * indexed query instead of a round trip per ticket for a list the chat shows on every
	 * page.
	 */
	@ReadOnly
	List<AwaitingFollowUp> awaiting(String owner, Instant since, int limit) {
		return this.jdbc
			.sql("""
					select c.id as customer_id, c.name, t.id as ticket_id, t.ticket_number, t.subject, t.priority, t.resolved_at
					from tickets t join customers c on c.id = t.customer_id
					where (cast(:owner as varchar) is null or c.owner_username = :owner)
					  and t.status in ('SOLVED', 'CLOSED') and t.resolved_at >= :since
					  and not exists (select 1 from support_followups f where f.ticket_id = t.id and f.status <> 'DISCARDED')
					  and not exists (select 1 from followup_tickets ft join support_followups f on f.id = ft.followup_id
					                  where ft.ticket_id = t.id and f.status <> 'DISCARDED')
					order by t.resolved_at desc, t.id desc limit :limit
					""")
			.param("owner", owner)
			.param("since", SqlTime.utc(since))
			.param("limit", limit)
			.query((rs, i) -> new AwaitingFollowUp(rs.getLong("customer_id"), rs.getString("name"),
					rs.getLong("ticket_id"), rs.getString("ticket_number"), rs.getString("subject"),
					io.aftercare.ticket.TicketPriority.valueOf(rs.getString("priority")),
					SqlTime.instant(rs, "resolved_at")))
			.list();
	}

	FollowUpId insert(FollowUp f) {
		var key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into support_followups (customer_id, ticket_id, level, assessed_level, level_overridden_by,
					    reasons, offers, status, to_name, to_email, generated_subject, generated_body, content_version,
					    delivery_status, response_status, created_by, created_at, updated_at, version,
					    written_by, writer_note, language, model_tokens)
					values (:customer, :ticket, :level, :assessedLevel, :overriddenBy, :reasons, :offers, :status,
					    :toName, :toEmail, :subject, :body, :contentVersion, :delivery, :response, :createdBy, :now, :now, 0,
					    :writtenBy, :writerNote, :language, :modelTokens)
					""")
			.param("customer", f.customerId().value())
			.param("ticket", f.ticketId().value())
			.param("level", f.level().name())
			.param("assessedLevel", f.assessedLevel().name())
			.param("overriddenBy", f.levelOverriddenBy())
			.param("reasons", String.join(SEPARATOR, f.reasons()))
			.param("offers", String.join(SEPARATOR, f.offers()))
			.param("status", f.status().name())
			.param("toName", f.recipient().name())
			.param("toEmail", f.recipient().email())
			.param("subject", f.generated().subject())
			.param("body", f.generated().textBody())
			.param("contentVersion", f.contentVersion())
			.param("delivery", f.deliveryStatus().name())
			.param("response", f.responseStatus().name())
			.param("createdBy", f.createdBy())
			.param("now", SqlTime.utc(f.createdAt()))
			.param("writtenBy", f.authorship().writer().name())
			.param("writerNote", f.authorship().fallbackReason())
			.param("language", f.authorship().language().code())
			.param("modelTokens", f.authorship().tokensUsed())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		for (TicketId also : f.alsoCovers()) {
			this.jdbc.sql("insert into followup_tickets (followup_id, ticket_id) values (:id, :ticket)")
				.param("id", id)
				.param("ticket", also.value())
				.update();
		}
		int position = 0;
		for (SuggestedReminder reminder : f.suggestedReminders()) {
			this.jdbc.sql("""
					insert into followup_suggested_reminders (followup_id, position, due_in_days, note, promise)
					values (:id, :position, :days, :note, :promise)
					""")
				.param("id", id)
				.param("position", position++)
				.param("days", reminder.dueIn().getDays())
				.param("note", reminder.note())
				.param("promise", reminder.promise())
				.update();
		}
		return new FollowUpId(id);
	}

	/**
	 * Writes the mutable state.
	 * @throws OptimisticLockingFailureException when someone else changed it since it was
	 * read
	 */
	void update(FollowUp f, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", f.id().value());
		params.put("version", f.version());
		params.put("status", f.status().name());
		params.put("editedSubject", (f.edited() != null) ? f.edited().subject() : null);
		params.put("editedBody", (f.edited() != null) ? f.edited().textBody() : null);
		params.put("editedBy", f.editedBy());
		params.put("editedAt", SqlTime.utc(f.editedAt()));
		params.put("contentVersion", f.contentVersion());
		params.put("approvedVersion", f.approvedVersion());
		params.put("approvedBy", f.approvedBy());
		params.put("approvedAt", SqlTime.utc(f.approvedAt()));
		params.put("sendRequestedAt", SqlTime.utc(f.sendRequestedAt()));
		params.put("sentAt", SqlTime.utc(f.sentAt()));
		params.put("messageId", f.messageId());
		params.put("sendChannel", f.sendChannel());
		FollowUp.Sending sending = f.sending();
		params.put("sendAt", SqlTime.utc(sending.sendAt()));
		params.put("sendTask", sending.task());
		params.put("sendAttempts", sending.attempts());
		params.put("sendRequestedBy", sending.requestedBy());
		params.put("providerMessageId", sending.providerMessageId());
		params.put("providerThreadId", sending.providerThreadId());
		params.put("delivery", f.deliveryStatus().name());
		params.put("deliveryDetail", f.deliveryDetail());
		params.put("response", f.responseStatus().name());
		params.put("holdReason", f.holdReason());
		FollowUpAnswer answer = f.answer();
		params.put("answerText", (answer != null) ? answer.text() : null);
		params.put("answerKind", (answer != null) ? answer.kind() : null);
		params.put("answerSentiment", (answer != null) ? answer.sentiment() : null);
		params.put("answerReason", (answer != null) ? answer.reason() : null);
		params.put("answeredVia", (answer != null) ? answer.via().name() : null);
		params.put("answeredAt", (answer != null) ? SqlTime.utc(answer.answeredAt()) : null);
		params.put("now", SqlTime.utc(now));
		params.put("writtenBy", f.authorship().writer().name());
		params.put("writerNote", f.authorship().fallbackReason());
		params.put("language", f.authorship().language().code());
		params.put("modelTokens", f.authorship().tokensUsed());
		int updated = this.jdbc.sql("""
				update support_followups set status = :status, edited_subject = :editedSubject,
				    edited_body = :editedBody, edited_by = :editedBy, edited_at = :editedAt,
				    content_version = :contentVersion, approved_version = :approvedVersion, approved_by = :approvedBy,
				    approved_at = :approvedAt, send_requested_at = :sendRequestedAt, sent_at = :sentAt,
				    message_id = :messageId, send_channel = :sendChannel, send_at = :sendAt, send_task = :sendTask,
				    send_attempts = :sendAttempts, send_requested_by = :sendRequestedBy,
				    provider_message_id = :providerMessageId, provider_thread_id = :providerThreadId,
				    delivery_status = :delivery, delivery_detail = :deliveryDetail,
				    response_status = :response, hold_reason = :holdReason, written_by = :writtenBy,
				    writer_note = :writerNote, language = :language, model_tokens = :modelTokens,
				    answer_text = :answerText, response_tone = :answerKind, answer_sentiment = :answerSentiment,
				    answer_reason = :answerReason, answered_via = :answeredVia, responded_at = :answeredAt,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version
				""").params(params).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("follow-up " + f.id() + " changed meanwhile");
		}
	}

	/**
	 * A follow-up's row, read; what it covers besides its own ticket and its suggested
	 * reminders are read for all rows of a query at once ({@link #complete}).
	 */
	private FollowUp row(ResultSet rs, int row) throws SQLException {
		String editedSubject = rs.getString("edited_subject");
		Draft edited = (editedSubject != null) ? new Draft(editedSubject, rs.getString("edited_body")) : null;
		int approvedVersion = rs.getInt("approved_version");
		Integer approved = rs.wasNull() ? null : approvedVersion;
		return new FollowUp(new FollowUpId(rs.getLong("id")), new CustomerId(rs.getLong("customer_id")),
				new TicketId(rs.getLong("ticket_id")), List.of(), FollowUpLevel.valueOf(rs.getString("level")),
				FollowUpLevel.valueOf(rs.getString("assessed_level")), rs.getString("level_overridden_by"),
				lines(rs.getString("reasons")), lines(rs.getString("offers")), List.of(),
				new FollowUp.Recipient(rs.getString("to_name"), rs.getString("to_email")),
				new Draft(rs.getString("generated_subject"), rs.getString("generated_body")),
				rs.getString("created_by"), SqlTime.instant(rs, "created_at"), rs.getInt("version"),
				FollowUpStatus.valueOf(rs.getString("status")), edited, rs.getString("edited_by"),
				SqlTime.instant(rs, "edited_at"), rs.getInt("content_version"), approved, rs.getString("approved_by"),
				SqlTime.instant(rs, "approved_at"), SqlTime.instant(rs, "send_requested_at"),
				SqlTime.instant(rs, "sent_at"), rs.getString("message_id"), rs.getString("send_channel"),
				new FollowUp.Sending(SqlTime.instant(rs, "send_at"), rs.getString("send_task"),
						rs.getInt("send_attempts"), rs.getString("send_requested_by"),
						rs.getString("provider_message_id"), rs.getString("provider_thread_id")),
				DeliveryStatus.valueOf(rs.getString("delivery_status")), rs.getString("delivery_detail"),
				ResponseStatus.valueOf(rs.getString("response_status")), rs.getString("hold_reason"))
			.withAnswer(answer(rs))
			.writtenBy(new DraftAuthorship(WrittenDraft.Writer.valueOf(rs.getString("written_by")),
					Language.of(rs.getString("language")).orElse(Language.ENGLISH), rs.getString("writer_note"),
					rs.getInt("model_tokens")));
	}

	/**
	 * The follow-ups read, with what each covers besides its own ticket and its suggested
	 * reminders: two queries for all of them, not two for each.
	 */
	private List<FollowUp> complete(List<FollowUp> read) {
		if (read.isEmpty()) {
			return List.of();
		}
		List<Long> ids = read.stream().map((followUp) -> followUp.id().value()).toList();
		Map<Long, List<TicketId>> covers = new HashMap<>();
		this.jdbc.sql("""
				select followup_id, ticket_id from followup_tickets where followup_id in (:ids)
				order by followup_id, ticket_id
				""").param("ids", ids).query((rs) -> {
			covers.computeIfAbsent(rs.getLong("followup_id"), (k) -> new ArrayList<>())
				.add(new TicketId(rs.getLong("ticket_id")));
		});
		Map<Long, List<SuggestedReminder>> reminders = new HashMap<>();
		this.jdbc.sql("""
				select followup_id, due_in_days, note, promise from followup_suggested_reminders
				where followup_id in (:ids) order by followup_id, position
				""").param("ids", ids).query((rs) -> {
			reminders.computeIfAbsent(rs.getLong("followup_id"), (k) -> new ArrayList<>())
				.add(new SuggestedReminder(java.time.Period.ofDays(rs.getInt("due_in_days")), rs.getString("note"),
						rs.getString("promise")));
		});
		return read.stream()
			.map((followUp) -> followUp.withStoredLists(covers.getOrDefault(followUp.id().value(), List.of()),
					reminders.getOrDefault(followUp.id().value(), List.of())))
			.toList();
	}

	private static FollowUpAnswer answer(ResultSet rs) throws SQLException {
		String via = rs.getString("answered_via");
		if (via == null) {
			return null;
		}
		return new FollowUpAnswer(SqlTime.instant(rs, "responded_at"), FollowUpAnswer.Via.valueOf(via),
				rs.getString("answer_text"), rs.getString("response_tone"), rs.getDouble("answer_sentiment"),
				rs.getString("answer_reason"));
	}

	private static List<String> lines(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split(SEPARATOR));
	}

}
