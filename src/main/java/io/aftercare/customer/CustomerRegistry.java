package io.aftercare.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

import io.aftercare.account.CsmDirectory;
import io.aftercare.shared.Change;
import io.aftercare.shared.SourceKey;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.Text;
import io.aftercare.shared.TimeRange;
import io.aftercare.shared.Upserted;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes customers, contacts and health scores in from other systems. Every write is
 * idempotent: a record is matched by its source key, and sending it again unchanged
 * changes nothing.
 */
@Service
@Transactional
public class CustomerRegistry {

	private final JdbcClient jdbc;

	private final CsmDirectory csms;

	private final Clock clock;

	CustomerRegistry(JdbcClient jdbc, CsmDirectory csms, Clock clock) {
		this.jdbc = jdbc;
		this.csms = csms;
		this.clock = clock;
	}

	/** Whether no customer was ever taken in. */
	@ReadOnly
	public boolean isEmpty() {
		return this.jdbc.sql("select count(*) from (select 1 from customers limit 1) any_customer")
			.query(Long.class)
			.single() == 0;
	}

	@ReadOnly
	public Optional<CustomerId> customerOf(SourceKey key) {
		return this.jdbc.sql("select id from customers where source_system = :system and external_id = :id")
			.param("system", key.system())
			.param("id", key.externalId())
			.query((rs, i) -> new CustomerId(rs.getLong(1)))
			.optional();
	}

	@ReadOnly
	public Optional<ContactId> contactOf(SourceKey key) {
		return this.jdbc.sql("select id from contacts where source_system = :system and external_id = :id")
			.param("system", key.system())
			.param("id", key.externalId())
			.query((rs, i) -> new ContactId(rs.getLong(1)))
			.optional();
	}

	/** The customers taken in under these keys, in one query per source system. */
	@ReadOnly
	public Map<SourceKey, CustomerId> customersOf(Collection<SourceKey> keys) {
		return idsOf("customers", keys, CustomerId::new);
	}

	/** The contacts taken in under these keys, in one query per source system. */
	@ReadOnly
	public Map<SourceKey, ContactId> contactsOf(Collection<SourceKey> keys) {
		return idsOf("contacts", keys, ContactId::new);
	}

	private <I> Map<SourceKey, I> idsOf(String table, Collection<SourceKey> keys, LongFunction<I> id) {
		Map<SourceKey, I> found = new HashMap<>();
		SourceKey.bySystem(keys)
			.forEach((system, externalIds) -> this.jdbc
				.sql("select external_id, id from " + table
						+ " where source_system = :system and external_id in (:ids)")
				.param("system", system)
				.param("ids", externalIds)
				.query((rs) -> {
					found.put(new SourceKey(system, rs.getString(1)), id.apply(rs.getLong(2)));
				}));
		return found;
	}

	/** The key a customer was taken in under, for naming it to the ingestion door. */
	@ReadOnly
	public Optional<SourceKey> keyOf(CustomerId id) {
		return this.jdbc.sql("select source_system, external_id from customers where id = :id")
			.param("id", id.value())
			.query((rs, i) -> new SourceKey(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * The customers with a contact whose email address is at {@code domain} (lower case),
	 * at most {@code limit}: a connector maps a requester to a customer by domain only
	 * when exactly one customer has it.
	 */
	@ReadOnly
	public java.util.List<CustomerId> customersWithContactsAt(String domain, int limit) {
		return this.jdbc.sql("""
				select distinct customer_id from contacts where email_domain = :domain
				order by customer_id limit :limit
				""")
			.param("domain", domain.toLowerCase(java.util.Locale.ROOT))
			.param("limit", limit)
			.query((rs, i) -> new CustomerId(rs.getLong(1)))
			.list();
	}

	public Upserted<CustomerId> upsert(CustomerRecord record) {
		if (record.ownerUsername() != null && !this.csms.exists(record.ownerUsername())) {
			throw new IllegalArgumentException("owner '" + record.ownerUsername() + "' is not a known CSM");
		}
		Optional<CustomerRecord> stored = this.jdbc.sql("""
				select id, name, tier, arr, employees, renewal_date, owner_username, at_risk
				from customers where source_system = :system and external_id = :id
				""").param("system", record.key().system()).param("id", record.key().externalId()).query((rs, i) -> {
			return new CustomerRecord(record.key(), rs.getString("name"), CustomerTier.valueOf(rs.getString("tier")),
					rs.getBigDecimal("arr"), rs.getObject("employees", Integer.class),
					rs.getObject("renewal_date", LocalDate.class), rs.getString("owner_username"),
					rs.getBoolean("at_risk"));
		}).optional();
		var now = SqlTime.utc(this.clock.instant());
		if (stored.isEmpty()) {
			this.jdbc.sql("""
					insert into customers (source_system, external_id, name, tier, arr, employees, renewal_date,
					                       owner_username, at_risk, created_at, updated_at)
					values (:system, :externalId, :name, :tier, :arr, :employees, :renewal, :owner, :atRisk, :now, :now)
					""").params(customerParams(record)).param("now", now).update();
			return new Upserted<>(customerOf(record.key()).orElseThrow(), Change.CREATED);
		}
		CustomerId id = customerOf(record.key()).orElseThrow();
		if (sameCustomer(stored.get(), record)) {
			return new Upserted<>(id, Change.UNCHANGED);
		}
		this.jdbc.sql("""
				update customers set name = :name, tier = :tier, arr = :arr, employees = :employees,
				       renewal_date = :renewal, owner_username = :owner, at_risk = :atRisk, updated_at = :now
				where source_system = :system and external_id = :externalId
				""").params(customerParams(record)).param("now", now).update();
		return new Upserted<>(id, Change.UPDATED);
	}

	public Upserted<ContactId> upsert(ContactRecord record) {
		CustomerId customer = customerOf(record.customer()).orElseThrow(
				() -> new IllegalArgumentException("customer " + record.customer() + " is not known; send it first"));
		Optional<StoredContact> stored = this.jdbc.sql("""
				select name, email, role, is_primary, time_zone, language, customer_id from contacts
				where source_system = :system and external_id = :id
				""")
			.param("system", record.key().system())
			.param("id", record.key().externalId())
			.query((rs, i) -> new StoredContact(rs.getLong("customer_id"),
					new ContactRecord(record.key(), record.customer(), rs.getString("name"), rs.getString("email"),
							rs.getString("role"), rs.getBoolean("is_primary"), rs.getString("time_zone"),
							(record.language() != null) ? rs.getString("language") : null)))
			.optional();
		var now = SqlTime.utc(this.clock.instant());
		var params = new java.util.HashMap<String, Object>();
		params.put("system", record.key().system());
		params.put("externalId", record.key().externalId());
		params.put("customer", customer.value());
		params.put("name", record.name());
		params.put("email", record.email());
		// Kept beside the address so that a desk's requester is matched by domain through
		// an index (V75).
		params.put("emailDomain", Text.emailDomain(record.email()));
		params.put("role", record.role());
		params.put("primary", record.primary());
		params.put("timeZone", record.timeZone());
		params.put("language", record.language());
		params.put("now", now);
		if (stored.isEmpty()) {
			this.jdbc.sql("""
					insert into contacts (source_system, external_id, customer_id, name, email, email_domain, role,
					                      is_primary, time_zone, language, created_at, updated_at)
					values (:system, :externalId, :customer, :name, :email, :emailDomain, :role, :primary, :timeZone,
					        :language, :now, :now)
					""").params(params).update();
			touch(List.of(customer.value()), now);
			return new Upserted<>(contactOf(record.key()).orElseThrow(), Change.CREATED);
		}
		ContactId id = contactOf(record.key()).orElseThrow();
		if (stored.get().customerId() == customer.value() && stored.get().record().equals(record)) {
			return new Upserted<>(id, Change.UNCHANGED);
		}
		this.jdbc.sql("""
				update contacts set customer_id = :customer, name = :name, email = :email, email_domain = :emailDomain,
				       role = :role, is_primary = :primary, time_zone = :timeZone,
				       language = coalesce(cast(:language as varchar(16)), language), updated_at = :now
				where source_system = :system and external_id = :externalId
				""").params(params).update();
		touch(List.of(customer.value(), stored.get().customerId()), now);
		return new Upserted<>(id, Change.UPDATED);
	}

	/**
	 * A contact's change is its customer's change too: the version of a CSM's book
	 * ({@link CustomerBook#version}) is read from the customers alone.
	 */
	private void touch(List<Long> customers, OffsetDateTime now) {
		this.jdbc.sql("update customers set updated_at = :now where id in (:ids)")
			.param("now", now)
			.param("ids", customers)
			.update();
	}

	public Upserted<CustomerId> record(HealthRecord record) {
		CustomerId customer = customerOf(record.customer()).orElseThrow(
				() -> new IllegalArgumentException("customer " + record.customer() + " is not known; send it first"));
		HealthEntry entry = record.entry();
		// The newest score is the customer's current one: a score dated ahead would stay
		// current until then.
		TimeRange.notAhead("recordedAt", entry.recordedAt(), this.clock.instant());
		Optional<Integer> stored = this.jdbc.sql("""
				select score from health_scores
				where customer_id = :customer and recorded_at = :at and source = :source
				""")
			.param("customer", customer.value())
			.param("at", SqlTime.utc(entry.recordedAt()))
			.param("source", entry.source())
			.query(Integer.class)
			.optional();
		if (stored.isEmpty()) {
			this.jdbc.sql("""
					insert into health_scores (customer_id, score, recorded_at, source)
					values (:customer, :score, :at, :source)
					""")
				.param("customer", customer.value())
				.param("score", entry.score())
				.param("at", SqlTime.utc(entry.recordedAt()))
				.param("source", entry.source())
				.update();
			return new Upserted<>(customer, Change.CREATED);
		}
		if (stored.get() == entry.score()) {
			return new Upserted<>(customer, Change.UNCHANGED);
		}
		this.jdbc.sql("""
				update health_scores set score = :score
				where customer_id = :customer and recorded_at = :at and source = :source
				""")
			.param("customer", customer.value())
			.param("score", entry.score())
			.param("at", SqlTime.utc(entry.recordedAt()))
			.param("source", entry.source())
			.update();
		return new Upserted<>(customer, Change.UPDATED);
	}

	private record StoredContact(long customerId, ContactRecord record) {
	}

	private static java.util.Map<String, Object> customerParams(CustomerRecord record) {
		var params = new java.util.HashMap<String, Object>();
		params.put("system", record.key().system());
		params.put("externalId", record.key().externalId());
		params.put("name", record.name());
		params.put("tier", record.tier().name());
		params.put("arr", record.arr());
		params.put("employees", record.employees());
		params.put("renewal", record.renewalDate());
		params.put("owner", record.ownerUsername());
		params.put("atRisk", record.atRisk());
		return params;
	}

	private static boolean sameCustomer(CustomerRecord a, CustomerRecord b) {
		return a.name().equals(b.name()) && a.tier() == b.tier() && sameAmount(a.arr(), b.arr())
				&& Objects.equals(a.employees(), b.employees()) && Objects.equals(a.renewalDate(), b.renewalDate())
				&& Objects.equals(a.ownerUsername(), b.ownerUsername()) && a.atRisk() == b.atRisk();
	}

	private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

}
