package io.aftercare.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer's own answers tell about them: a risk signal, a health entry with its
 * reason, satisfaction, an address that bounced. Each write is keyed by the moment it is
 * about, so an announcement heard twice writes nothing more.
 */
@Service
public class CustomerSignals {

	/** How long a risk signal counts when nothing clears it. */
	public static final Duration RISK_LASTS = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	CustomerSignals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Raises a risk signal, once per customer, kind and moment. */
	@Transactional
	public void raiseRisk(CustomerId customer, String kind, String severity, String detail, Instant at) {
		this.jdbc.sql("""
				insert into risk_signals (customer_id, kind, severity, detail, detected_at)
				values (:customer, :kind, :severity, :detail, :at)
				on conflict do nothing
				""")
			.param("customer", customer.value())
			.param("kind", kind)
			.param("severity", severity)
			.param("detail", cut(detail, 1000))
			.param("at", SqlTime.utc(at))
			.update();
	}

	/**
	 * The customer's newest open risk signal, the one that says why they are at risk:
	 * raised within {@link #RISK_LASTS} before {@code asOf} and not cleared since. A
	 * signal nobody cleared stops counting after that: a customer who was frustrated once
	 * is not at risk for ever.
	 */
	@ReadOnly
	public Optional<RiskSignal> openRisk(CustomerId customer, Instant asOf) {
		return this.jdbc.sql("""
				select kind, severity, detail, detected_at from risk_signals
				where customer_id = :customer and cleared_at is null and detected_at > :since
				  and detected_at <= :asOf
				order by detected_at desc limit 1
				""")
			.param("customer", customer.value())
			.param("since", SqlTime.utc(asOf.minus(RISK_LASTS)))
			.param("asOf", SqlTime.utc(asOf))
			.query((rs, i) -> new RiskSignal(rs.getString(1), rs.getString(2), rs.getString(3),
					SqlTime.instant(rs, "detected_at")))
			.optional();
	}

	/**
	 * Clears the customer's open risk signals of kinds that start with
	 * {@code kindPrefix}, raised before {@code at}: what they said later outweighs them.
	 * @return how many were cleared
	 */
	@Transactional
	public int clearRisks(CustomerId customer, String kindPrefix, Instant at) {
		return this.jdbc.sql("""
				update risk_signals set cleared_at = :at
				where customer_id = :customer and cleared_at is null and kind like :kinds and detected_at < :at
				""")
			.param("at", SqlTime.utc(at))
			.param("customer", customer.value())
			.param("kinds", kindPrefix + "%")
			.update();
	}

	/**
	 * Adds an entry to the health history: the score as of {@code at} moved by
	 * {@code step} (kept within 0 to 100), with why. Once per customer, moment and
	 * source.
	 * @return the score recorded
	 */
	@Transactional
	public int noteHealth(CustomerId customer, int step, String source, String note, Instant at) {
		Optional<Integer> current = this.jdbc.sql("""
				select score from health_scores where customer_id = :customer and recorded_at <= :at
				order by recorded_at desc limit 1
				""").param("customer", customer.value()).param("at", SqlTime.utc(at)).query(Integer.class).optional();
		int score = Math.max(0, Math.min(100, current.orElse(NO_SCORE_YET) + step));
		this.jdbc.sql("""
				insert into health_scores (customer_id, score, recorded_at, source, note)
				values (:customer, :score, :at, :source, :note)
				on conflict do nothing
				""")
			.param("customer", customer.value())
			.param("score", score)
			.param("at", SqlTime.utc(at))
			.param("source", source)
			.param("note", cut(note, 500))
			.update();
		return score;
	}

	/** Where a customer without any score starts: the middle of the "watch" band. */
	private static final int NO_SCORE_YET = 70;

	/**
	 * Records whether the customer said they are satisfied, once per follow-up and
	 * moment.
	 */
	@Transactional
	public void recordSatisfaction(CustomerId customer, long followUpId, boolean satisfied, Instant at) {
		this.jdbc.sql("""
				insert into customer_satisfaction (customer_id, followup_id, satisfied, recorded_at)
				values (:customer, :followUp, :satisfied, :at)
				on conflict do nothing
				""")
			.param("customer", customer.value())
			.param("followUp", followUpId)
			.param("satisfied", satisfied)
			.param("at", SqlTime.utc(at))
			.update();
	}

	/**
	 * Marks every contact with this address suspect: mail to it bounced for good, with
	 * the server's reason. The first bounce's time and reason are kept.
	 */
	@Transactional
	public int markAddressSuspect(String email, String reason) {
		return this.jdbc.sql("""
				update contacts set address_suspect_at = :now, address_suspect_reason = :reason
				where lower(email) = lower(:email) and address_suspect_at is null
				""")
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("reason", cut(reason, 1000))
			.param("email", email)
			.update();
	}

	/**
	 * When mail to this address of the customer's first bounced for good, and why; empty
	 * if it never did. Looked up among the customer's contacts (a bounce marks every
	 * contact with the address), through their index: this is read whenever a draft is
	 * shown.
	 */
	@ReadOnly
	public Optional<AddressBounce> bounce(CustomerId customer, String email) {
		return this.jdbc.sql("""
				select address_suspect_at, address_suspect_reason from contacts
				where customer_id = :customer and lower(email) = lower(:email) and address_suspect_at is not null
				order by address_suspect_at limit 1
				""")
			.param("customer", customer.value())
			.param("email", email)
			.query((rs, i) -> new AddressBounce(SqlTime.instant(rs, "address_suspect_at"),
					rs.getString("address_suspect_reason")))
			.optional();
	}

	/** Mail to an address bounced for good: when first, and the mail server's reason. */
	public record AddressBounce(Instant at, String reason) {
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
