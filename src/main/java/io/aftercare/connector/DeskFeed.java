package io.aftercare.connector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aftercare.customer.CustomerRegistry;
import io.aftercare.ingestion.IncomingContact;
import io.aftercare.ingestion.IncomingKey;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.ingestion.Ingestion;
import io.aftercare.ingestion.IngestionReport;
import io.aftercare.ingestion.RecordOutcome;
import io.aftercare.ingestion.Submission;
import io.aftercare.shared.SourceKey;
import io.aftercare.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every connector hands its tickets: each is mapped onto its customer
 * ({@link DeskAccounts}), its requester taken in as a contact of that customer, and the
 * ticket stored through {@link Ingestion}. A ticket whose account matches no customer is
 * held, never dropped: its newest version waits in {@code held_records} and lands when an
 * admin maps the account ({@link #release(long)}).
 */
@Service
public class DeskFeed {

	private static final Logger log = LoggerFactory.getLogger(DeskFeed.class);

	private final DeskAccounts accounts;

	private final CustomerRegistry customers;

	private final Ingestion ingestion;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transaction;

	DeskFeed(DeskAccounts accounts, CustomerRegistry customers, Ingestion ingestion, JdbcClient jdbc, JsonMapper json,
			Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.customers = customers;
		this.ingestion = ingestion;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the tickets, in the order given (later versions of one ticket after earlier
	 * ones). {@code backfill}: their resolutions are history, announced as such.
	 */
	public FeedReport deliver(List<DeskTicket> tickets, boolean backfill) {
		if (tickets.isEmpty()) {
			return FeedReport.empty();
		}
		Map<String, IncomingContact> contacts = new LinkedHashMap<>();
		List<IncomingTicket> matched = new ArrayList<>();
		List<Held> held = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		Map<String, DeskAccounts.Match> accountsSeen = new HashMap<>();
		// Requesters told without an address are kept only if already known: looked up
		// for the whole batch at once, not once per ticket.
		Set<SourceKey> knownRequesters = this.customers
			.contactsOf(tickets.stream()
				.filter((desk) -> desk.requester() != null && desk.requester().externalId() != null
						&& desk.requester().email() == null)
				.map((desk) -> new SourceKey(desk.ticket().source(), desk.requester().externalId()))
				.distinct()
				.toList())
			.keySet();
		for (DeskTicket desk : tickets) {
			IncomingKey customer = desk.ticket().customer();
			if (customer == null) {
				DeskAccounts.Match match = this.accounts.match(desk.account(), desk.requester(), accountsSeen);
				if (!match.matched()) {
					// Held only if it can land once the account is mapped: else
					// mapping would fail on it, every time.
					String refusal = desk.ticket().refusal();
					if (refusal != null) {
						refused.add(desk.key() + ": " + refusal);
					}
					else {
						held.add(new Held(match.accountId(), desk));
					}
					continue;
				}
				customer = new IncomingKey(match.customer().system(), match.customer().externalId());
			}
			// else a file named its customer outright: nothing to match.
			IncomingKey requester = null;
			DeskPerson person = desk.requester();
			if (person != null && person.externalId() != null) {
				if (person.email() != null) {
					contacts.put(person.externalId(),
							new IncomingContact(desk.ticket().source(), person.externalId(), customer, null, null,
									(person.name() != null) ? person.name() : person.email(), person.email(), null,
									null, null, person.locale()));
					requester = new IncomingKey(desk.ticket().source(), person.externalId());
				}
				else if (knownRequesters.contains(new SourceKey(desk.ticket().source(), person.externalId()))) {
					requester = new IncomingKey(desk.ticket().source(), person.externalId());
				}
			}
			matched.add(desk.ticket().withCustomer(customer, requester));
		}
		if (!matched.isEmpty()) {
			// A ticket that lands by another way (the catch-up matched it by its
			// requester's address) supersedes a version held before: released later, it
			// would be older.
			this.jdbc.sql("delete from held_records where record_key in (:keys)")
				.param("keys", matched.stream().map((t) -> t.source() + ":" + t.externalId()).distinct().toList())
				.update();
		}
		Set<String> refusedContacts = new HashSet<>();
		if (!contacts.isEmpty()) {
			List<IncomingContact> list = new ArrayList<>(contacts.values());
			IngestionReport report = this.ingestion.contacts(submissions(list));
			for (RecordOutcome outcome : report.records()) {
				if (outcome.rejected()) {
					refusedContacts.add(list.get(outcome.index()).externalId());
				}
			}
		}
		if (!refusedContacts.isEmpty()) {
			// A requester who could not be taken in (an address no email could reach)
			// does not keep their ticket out: it lands without them.
			matched.replaceAll((
					ticket) -> (ticket.requester() != null && refusedContacts.contains(ticket.requester().externalId()))
							? ticket.withCustomer(ticket.customer(), null) : ticket);
		}
		hold(held, backfill);
		IngestionReport stored = matched.isEmpty() ? null : this.ingestion.tickets(submissions(matched), backfill);
		// Rejected before holding them first, then by the door.
		FeedReport report = add(FeedReport.rejected(refused),
				report(tickets.size() - refused.size(), stored, held.size()));
		if (report.rejected() > 0) {
			log.warn("{} desk tickets rejected, first: {}", report.rejected(), report.rejections().get(0));
		}
		return report;
	}

	private static <T> java.util.Iterator<Submission<T>> submissions(List<T> records) {
		List<Submission<T>> submissions = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			submissions.add(Submission.of(i, records.get(i)));
		}
		return submissions.iterator();
	}

	private static FeedReport report(int received, IngestionReport stored, int held) {
		if (stored == null) {
			return new FeedReport(received, 0, 0, 0, held, 0, List.of());
		}
		List<String> reasons = stored.records()
			.stream()
			.filter(RecordOutcome::rejected)
			.limit(FeedReport.KEPT_REJECTIONS)
			.map((outcome) -> outcome.key() + ": " + outcome.reason())
			.toList();
		return new FeedReport(received, stored.created(), stored.updated(), stored.unchanged(), held, stored.rejected(),
				reasons);
	}

	private record Held(long accountId, DeskTicket ticket) {
	}

	private void hold(List<Held> held, boolean backfill) {
		for (Held one : held) {
			String payload = this.json.writeValueAsString(one.ticket());
			var now = SqlTime.utc(this.clock.instant());
			int updated = this.jdbc.sql("""
					update held_records set payload = :payload, backfill = :backfill, held_at = :now
					where account_id = :account and record_key = :key
					""")
				.param("payload", payload)
				.param("backfill", backfill)
				.param("now", now)
				.param("account", one.accountId())
				.param("key", one.ticket().key())
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						insert into held_records (account_id, record_key, payload, backfill, held_at)
						values (:account, :key, :payload, :backfill, :now)
						""")
					.param("payload", payload)
					.param("backfill", backfill)
					.param("now", now)
					.param("account", one.accountId())
					.param("key", one.ticket().key())
					.update();
			}
		}
	}

	/**
	 * Lets the records held for an account land, now that it is mapped. Each is delivered
	 * again (and would be held again, should the account have lost its customer).
	 */
	public FeedReport release(long accountId) {
		FeedReport total = FeedReport.empty();
		while (true) {
			List<HeldRow> rows = this.jdbc
				.sql("select id, payload, backfill from held_records where account_id = :account order by id limit 500")
				.param("account", accountId)
				.query((rs, i) -> new HeldRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
				.list();
			if (rows.isEmpty()) {
				return total;
			}
			for (boolean backfill : new boolean[] { true, false }) {
				List<HeldRow> kind = rows.stream().filter((row) -> row.backfill() == backfill).toList();
				if (kind.isEmpty()) {
					continue;
				}
				// One transaction: a crash leaves them held, never half released. Deleted
				// first: delivering an account still unmatched holds them again.
				FeedReport released = this.transaction.execute((status) -> {
					kind.forEach((row) -> this.jdbc.sql("delete from held_records where id = :id")
						.param("id", row.id())
						.update());
					List<DeskTicket> readable = new ArrayList<>();
					List<String> unreadable = new ArrayList<>();
					for (HeldRow row : kind) {
						try {
							readable.add(this.json.readValue(row.payload(), DeskTicket.class));
						}
						catch (RuntimeException ex) {
							// Held before tickets were checked first: it could never
							// land, and must not keep the others from landing.
							log.warn("Held desk ticket {} is dropped, it cannot be read: {}", row.id(),
									ex.getMessage());
							unreadable.add("held ticket " + row.id() + ": " + ex.getMessage());
						}
					}
					return add(deliver(readable, backfill), FeedReport.rejected(unreadable));
				});
				total = add(total, released);
			}
			if (total.held() > 0) {
				return total;
			}
		}
	}

	/**
	 * Releases what is held for every account that has been mapped since, or that now
	 * matches a customer taken in under the organization's id.
	 */
	public FeedReport releaseMapped() {
		this.accounts.rematchHeld();
		List<Long> mapped = this.jdbc.sql("""
				select distinct h.account_id from held_records h join desk_accounts a on a.id = h.account_id
				where a.customer_id is not null
				""").query(Long.class).list();
		FeedReport total = FeedReport.empty();
		for (long account : mapped) {
			total = add(total, release(account));
		}
		return total;
	}

	private record HeldRow(long id, String payload, boolean backfill) {
	}

	static FeedReport add(FeedReport a, FeedReport b) {
		List<String> reasons = new ArrayList<>(a.rejections());
		reasons.addAll(b.rejections());
		return new FeedReport(a.received() + b.received(), a.created() + b.created(), a.updated() + b.updated(),
				a.unchanged() + b.unchanged(), a.held() + b.held(), a.rejected() + b.rejected(),
				reasons.subList(0, Math.min(FeedReport.KEPT_REJECTIONS, reasons.size())));
	}

}
