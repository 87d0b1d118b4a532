package io.aftercare.trigger;

import java.time.Instant;
import java.util.List;

import io.aftercare.customer.CustomerId;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.Text;
import io.aftercare.ticket.TicketId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets waiting out the delay before their customer's unasked follow-up is drafted.
 * Noting a ticket twice keeps the first reason: events may be heard twice.
 */
@Repository
@Transactional
class TriggerCandidates {

	private final JdbcClient jdbc;

	TriggerCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param surveyApplies whether a survey the desk just sent to the requester holds the
	 * draft back (a bad answer to it does not)
	 */
	record Candidate(CustomerId customerId, TicketId ticketId, String reason, boolean surveyApplies,
			Instant noticedAt) {
	}

	/**
	 * Notes a ticket, or adds a reason to one noted already (a bad rating on a ticket
	 * already waiting); a survey holds it back only while every reason allows it.
	 */
	void note(Candidate candidate) {
		int strengthened = this.jdbc.sql("""
				update trigger_candidates set reason = substring(reason || '; ' || :reason from 1 for 500),
				    survey_applies = (survey_applies and :surveyApplies)
				where customer_id = :customer and ticket_id = :ticket and reason not like '%' || :reason || '%'
				""")
			.param("customer", candidate.customerId().value())
			.param("ticket", candidate.ticketId().value())
			.param("reason", candidate.reason())
			.param("surveyApplies", candidate.surveyApplies())
			.update();
		if (strengthened > 0) {
			return;
		}
		// Noted at the same moment by another instance: theirs stands. Not a caught
		// duplicate key, which on PostgreSQL would abort the listener's transaction.
		this.jdbc.sql("""
				insert into trigger_candidates (customer_id, ticket_id, reason, survey_applies, noticed_at)
				values (:customer, :ticket, :reason, :surveyApplies, :at)
				on conflict do nothing
				""")
			.param("customer", candidate.customerId().value())
			.param("ticket", candidate.ticketId().value())
			.param("reason", Text.cut(500, candidate.reason()))
			.param("surveyApplies", candidate.surveyApplies())
			.param("at", SqlTime.utc(candidate.noticedAt()))
			.update();
	}

	List<Candidate> of(CustomerId customer) {
		return this.jdbc.sql("""
				select customer_id, ticket_id, reason, survey_applies, noticed_at from trigger_candidates
				where customer_id = :customer order by noticed_at, ticket_id
				""")
			.param("customer", customer.value())
			.query((rs, i) -> new Candidate(new CustomerId(rs.getLong("customer_id")),
					new TicketId(rs.getLong("ticket_id")), rs.getString("reason"), rs.getBoolean("survey_applies"),
					SqlTime.instant(rs, "noticed_at")))
			.list();
	}

	/**
	 * Forgets the tickets handled, and only those: one noted while they were handled
	 * waits for the next run.
	 */
	void forget(List<Candidate> handled) {
		for (Candidate candidate : handled) {
			this.jdbc.sql("delete from trigger_candidates where customer_id = :customer and ticket_id = :ticket")
				.param("customer", candidate.customerId().value())
				.param("ticket", candidate.ticketId().value())
				.update();
		}
	}

	/** The customers with a ticket noted before {@code noticedBefore}. */
	List<CustomerId> waitingSince(Instant noticedBefore) {
		return this.jdbc.sql("select distinct customer_id from trigger_candidates where noticed_at < :before")
			.param("before", SqlTime.utc(noticedBefore))
			.query((rs, i) -> new CustomerId(rs.getLong(1)))
			.list();
	}

	/** A reopened ticket calls for nothing until it is resolved again. */
	void forget(TicketId ticket) {
		this.jdbc.sql("delete from trigger_candidates where ticket_id = :ticket")
			.param("ticket", ticket.value())
			.update();
	}

}
