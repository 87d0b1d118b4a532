package io.aftercare.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.demo.DemoData.CustomerData;
import io.aftercare.demo.DemoData.User;
import io.aftercare.ticket.TicketIntake;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo workspace of {@code demo/workspace.yml} into an empty database, in one
 * transaction, through the same doors as any ingestion: users through the
 * {@link CsmDirectory}, customers, contacts and health through the
 * {@link CustomerRegistry}, tickets through the {@link TicketIntake}. Resolved tickets
 * are announced as a backfill: history being loaded, not news for anyone to react to.
 * Dates count from the moment of loading.
 */
@Component
class DemoWorkspace {

	static final Resource DATA = new ClassPathResource("demo/workspace.yml");

	private final CsmDirectory csms;

	private final CustomerRegistry customers;

	private final TicketIntake tickets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoWorkspace(CsmDirectory csms, CustomerRegistry customers, TicketIntake tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.csms = csms;
		this.customers = customers;
		this.tickets = tickets;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** No customers and no users: nothing the demo could mix with. */
	boolean isDatabaseEmpty() {
		return this.csms.count() == 0 && this.customers.isEmpty();
	}

	/**
	 * Loads the demo workspace if the database is empty, all or nothing.
	 * @return what was loaded, or nothing when the database already holds data
	 */
	Optional<Loaded> loadIntoEmptyDatabase() {
		DemoData data = DemoData.read(DATA);
		return this.transaction.execute((status) -> {
			if (!isDatabaseEmpty()) {
				return Optional.empty();
			}
			return Optional.of(write(data, this.clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		});
	}

	private Loaded write(DemoData data, Instant now) {
		data.users().forEach((user) -> this.csms.create(user.toNewCsm()));
		for (CustomerData customer : data.customers()) {
			this.customers.upsert(customer.toRecord(now));
			customer.contactRecords().forEach(this.customers::upsert);
			customer.healthRecords(now).forEach(this.customers::record);
			customer.tickets()
				.forEach((ticket) -> this.tickets.upsert(ticket.toRecord(customer, data::staffMember, now))
					.announcements()
					.forEach((announcement) -> this.events.publishEvent(announcement.asBackfill())));
		}
		return new Loaded(data.customers().size(), data.ticketCount(),
				data.users().stream().map(User::username).toList());
	}

	/** What a load brought in, and who can now sign in. */
	record Loaded(int customers, int tickets, List<String> usernames) {

		String summary() {
			List<String> logins = this.usernames.stream().map((name) -> name + "/" + DemoData.PASSWORD).toList();
			String signIn = (logins.size() > 1)
					? String.join(", ", logins.subList(0, logins.size() - 1)) + " or " + logins.get(logins.size() - 1)
					: String.join("", logins);
			return "Demo workspace loaded: %d customers, %d tickets. Sign in as %s.".formatted(this.customers,
					this.tickets, signIn);
		}

	}

}
