package io.aftercare.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.SourceKey;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which customer a desk's account is: the one an admin mapped it to; else the customer
 * taken in under the desk's own organization id ({@code zendesk:5501}); else the one
 * customer whose contacts have the requester's email domain. A match found is remembered,
 * so it is looked for once. What cannot be matched is remembered too, listed for an admin
 * with the records held for it.
 */
@Service
@Transactional
public class DeskAccounts {

	/** Domains anyone can have an address at: they say nothing about the customer. */
	static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
			"outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
			"gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru", "qq.com", "163.com");

	private final JdbcClient jdbc;

	private final CustomerRegistry customers;

	private final Clock clock;

	DeskAccounts(JdbcClient jdbc, CustomerRegistry customers, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.clock = clock;
	}

	/** How an account was matched to its customer. */
	public enum MatchedBy {

		ORGANIZATION_ID, EMAIL_DOMAIN, ADMIN

	}

	/**
	 * The customer the account maps to, as its source key; or, when none does, the id of
	 * the account's row, under which records are held.
	 */
	record Match(SourceKey customer, long accountId) {

		boolean matched() {
			return this.customer != null;
		}

	}

	/**
	 * The account's match, answered from {@code batch} when it was matched there already:
	 * a batch of a desk's events mostly names a few accounts.
	 */
	Match match(DeskAccount account, DeskPerson requester, Map<String, Match> batch) {
		String domain = (requester != null) ? requester.emailDomain() : null;
		if (domain != null && PUBLIC_MAIL_DOMAINS.contains(domain)) {
			domain = null;
		}
		String key = accountKey(account, requester, domain);
		String domainToMatch = domain;
		return batch.computeIfAbsent(account.source() + " " + key, (seen) -> match(account, key, domainToMatch));
	}

	private Match match(DeskAccount account, String key, String domain) {
		Optional<Row> row = find(account.source(), key);
		if (row.isPresent() && row.get().customer() != null) {
			return new Match(row.get().customer(), row.get().id());
		}
		Optional<SourceKey> found = Optional.empty();
		MatchedBy how = null;
		if (account.organizationId() != null) {
			SourceKey own = new SourceKey(account.source(), account.organizationId());
			if (this.customers.customerOf(own).isPresent()) {
				found = Optional.of(own);
				how = MatchedBy.ORGANIZATION_ID;
			}
		}
		if (found.isEmpty() && domain != null) {
			if (!key.equals("domain:" + domain)) {
				Optional<Row> byDomain = find(account.source(), "domain:" + domain);
				if (byDomain.isPresent() && byDomain.get().customer() != null) {
					found = Optional.of(byDomain.get().customer());
					how = MatchedBy.EMAIL_DOMAIN;
				}
			}
			if (found.isEmpty()) {
				List<CustomerId> atDomain = this.customers.customersWithContactsAt(domain, 2);
				if (atDomain.size() == 1) {
					found = this.customers.keyOf(atDomain.get(0));
					how = MatchedBy.EMAIL_DOMAIN;
				}
			}
		}
		long id = remember(account, key, domain, row, found.flatMap(this.customers::customerOf).orElse(null), how);
		return new Match(found.orElse(null), id);
	}

	/**
	 * An organization by its id; without one, the requester's company email domain; else
	 * the requester alone.
	 */
	static String accountKey(DeskAccount account, DeskPerson requester, String domain) {
		if (account.organizationId() != null) {
			return "org:" + account.organizationId();
		}
		if (domain != null) {
			return "domain:" + domain;
		}
		if (requester != null && requester.email() != null) {
			return "email:" + requester.email().toLowerCase(java.util.Locale.ROOT);
		}
		if (requester != null && requester.externalId() != null) {
			return "requester:" + requester.externalId();
		}
		return "unknown";
	}

	private long remember(DeskAccount account, String key, String domain, Optional<Row> row, CustomerId customer,
			MatchedBy how) {
		Instant now = this.clock.instant();
		if (row.isPresent()) {
			this.jdbc.sql("""
					update desk_accounts set last_seen_at = :now, name = coalesce(:name, name),
					    domain = coalesce(:domain, domain), customer_id = :customer, matched_by = :how
					where id = :id
					""")
				.param("now", SqlTime.utc(now))
				.param("name", account.organizationName())
				.param("domain", domain)
				.param("customer", (customer != null) ? customer.value() : null)
				.param("how", (how != null) ? how.name() : null)
				.param("id", row.get().id())
				.update();
			return row.get().id();
		}
		this.jdbc.sql("""
				insert into desk_accounts (source, account_key, name, domain, customer_id, matched_by, first_seen_at,
				    last_seen_at)
				values (:source, :key, :name, :domain, :customer, :how, :now, :now)
				on conflict do nothing
				""")
			.param("source", account.source())
			.param("key", key)
			.param("name", account.organizationName())
			.param("domain", domain)
			.param("customer", (customer != null) ? customer.value() : null)
			.param("how", (how != null) ? how.name() : null)
			.param("now", SqlTime.utc(now))
			.update();
		return find(account.source(), key).orElseThrow().id();
	}

	private Optional<Row> find(String source, String key) {
		return this.jdbc.sql("""
				select a.id, c.source_system, c.external_id from desk_accounts a
				left join customers c on c.id = a.customer_id
				where a.source = :source and a.account_key = :key
				""")
			.param("source", source)
			.param("key", key)
			.query((rs, i) -> new Row(rs.getLong(1),
					(rs.getString(2) != null) ? new SourceKey(rs.getString(2), rs.getString(3)) : null))
			.optional();
	}

	private record Row(long id, SourceKey customer) {
	}

	/**
	 * Matches again the unmatched organizations that have records held: a customer may
	 * since have been taken in under the organization's id. Returns how many now match.
	 */
	public int rematchHeld() {
		List<Row> organizations = this.jdbc.sql("""
				select a.id, a.source, a.account_key from desk_accounts a
				where a.customer_id is null and a.account_key like 'org:%'
				  and exists (select 1 from held_records h where h.account_id = a.id)
				""")
			.query((rs, i) -> new Row(rs.getLong(1), new SourceKey(rs.getString(2), rs.getString(3).substring(4))))
			.list();
		int matched = 0;
		for (Row organization : organizations) {
			Optional<CustomerId> customer = this.customers.customerOf(organization.customer());
			if (customer.isPresent()) {
				matched += this.jdbc.sql("""
						update desk_accounts set customer_id = :customer, matched_by = 'ORGANIZATION_ID'
						where id = :id and customer_id is null
						""").param("customer", customer.get().value()).param("id", organization.id()).update();
			}
		}
		return matched;
	}

	/**
	 * Accounts no customer is known for yet, most recently seen first, with what waits.
	 */
	@ReadOnly
	public List<UnmatchedAccount> unmatched() {
		return this.jdbc.sql("""
				select a.id, a.source, a.account_key, a.name, a.domain, a.first_seen_at, a.last_seen_at,
				    (select count(*) from held_records h where h.account_id = a.id) as held
				from desk_accounts a where a.customer_id is null
				order by a.last_seen_at desc, a.id desc
				limit 500
				""")
			.query((rs, i) -> new UnmatchedAccount(rs.getLong("id"), rs.getString("source"),
					rs.getString("account_key"), rs.getString("name"), rs.getString("domain"),
					SqlTime.instant(rs, "first_seen_at"), SqlTime.instant(rs, "last_seen_at"), rs.getLong("held")))
			.list();
	}

	/**
	 * Maps an account onto a customer by hand, whether it was matched before or not. The
	 * records held for it are released by {@link DeskFeed#release(long)}.
	 */
	public void map(long accountId, CustomerId customer, String admin) {
		if (this.customers.keyOf(customer).isEmpty()) {
			throw new NotFoundException("customer " + customer.value() + " does not exist");
		}
		int updated = this.jdbc.sql("""
				update desk_accounts set customer_id = :customer, matched_by = 'ADMIN', mapped_by = :admin,
				    mapped_at = :now
				where id = :id
				""")
			.param("customer", customer.value())
			.param("admin", admin)
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("id", accountId)
			.update();
		if (updated == 0) {
			throw new NotFoundException("desk account " + accountId + " does not exist");
		}
	}

}
