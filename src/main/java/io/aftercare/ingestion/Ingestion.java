package io.aftercare.ingestion;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.shared.Change;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.Upserted;
import io.aftercare.ticket.TicketUpserted;
import io.aftercare.ticket.TicketIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores batches of incoming records, whatever their source. A batch is read and stored
 * in chunks of {@value #CHUNK_SIZE} records, one transaction each, so that a stream of a
 * million records neither holds one transaction open nor has to fit in memory. Tickets
 * are first stored a chunk at once, in batched statements; when one of them is refused,
 * or for the other kinds, each record runs in a savepoint of its own: a record that fails
 * (invalid, naming an unknown customer, refused by the database) is rolled back alone and
 * reported, and its neighbours still land. What a record announces (a ticket resolved) is
 * published only once its savepoint holds, so a record rolled back announces nothing.
 * Sending the same batch again changes nothing.
 */
@Service
public class Ingestion {

	static final int CHUNK_SIZE = 500;

	private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

	private final CustomerRegistry customers;

	private final TicketIntake tickets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate chunk;

	private final TransactionTemplate record;

	Ingestion(CustomerRegistry customers, TicketIntake tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.customers = customers;
		this.tickets = tickets;
		this.events = events;
		this.chunk = new TransactionTemplate(transactions);
		this.record = new TransactionTemplate(transactions);
		this.record.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public IngestionReport customers(Iterator<Submission<IncomingCustomer>> batch) {
		return ingest("customers", batch, IncomingCustomer::key, null,
				(customer) -> stored(this.customers.upsert(customer.toRecord()), CustomerId::value));
	}

	public IngestionReport contacts(Iterator<Submission<IncomingContact>> batch) {
		return ingest("contacts", batch, IncomingContact::key, null,
				(contact) -> stored(this.customers.upsert(contact.toRecord()), ContactId::value));
	}

	public IngestionReport healthScores(Iterator<Submission<IncomingHealthScore>> batch) {
		return ingest("health scores", batch, IncomingHealthScore::key, null,
				(score) -> stored(this.customers.record(score.toRecord()), CustomerId::value));
	}

	public IngestionReport tickets(Iterator<Submission<IncomingTicket>> batch) {
		return tickets(batch, false);
	}

	/**
	 * @param backfill whether the batch is history being loaded (a first import, a
	 * catch-up of last year): what its tickets announce is announced as a backfill, which
	 * nobody treats as news
	 */
	public IngestionReport tickets(Iterator<Submission<IncomingTicket>> batch, boolean backfill) {
		Function<TicketUpserted, Stored> stored = (upserted) -> new Stored(upserted.id().value(), upserted.change(),
				upserted.announcements()
					.stream()
					.map((a) -> backfill ? a.asBackfill() : a)
					.map(Object.class::cast)
					.toList());
		return ingest("tickets", batch, IncomingTicket::key,
				(tickets) -> this.tickets.upsertAll(tickets.stream().map(IncomingTicket::toRecord).toList())
					.stream()
					.map(stored)
					.toList(),
				(ticket) -> stored.apply(this.tickets.upsert(ticket.toRecord())));
	}

	/**
	 * @param storeAll stores a chunk's records at once, all or none, if the kind allows;
	 * when one record is refused, the chunk is stored record by record instead, to tell
	 * which
	 */
	private <T> IngestionReport ingest(String kind, Iterator<Submission<T>> batch, Function<T, String> key,
			Function<List<T>, List<Stored>> storeAll, Function<T, Stored> store) {
		long started = System.nanoTime();
		IngestionReport.Tally tally = new IngestionReport.Tally();
		Chunk<T> next;
		do {
			next = nextChunk(batch);
			List<Submission<T>> records = next.records();
			if (!records.isEmpty()) {
				this.chunk.executeWithoutResult((status) -> {
					List<RecordOutcome> outcomes = (storeAll != null) ? applyAll(records, key, storeAll) : null;
					if (outcomes == null) {
						outcomes = records.stream().map((submission) -> apply(submission, key, store)).toList();
					}
					outcomes.forEach(tally::add);
				});
			}
		}
		while (next.complete() && next.records().size() == CHUNK_SIZE);
		if (next.breakOff() != null) {
			IngestionReport report = tally.report();
			log.warn(
					"Ingestion of {} interrupted after {} records ({} created, {} updated, {} unchanged, "
							+ "{} rejected): the batch could not be read to its end",
					kind, report.received(), report.created(), report.updated(), report.unchanged(), report.rejected());
			throw new IngestionInterrupted(report, next.breakOff());
		}
		IngestionReport report = tally.report();
		// Counts only: the records themselves are customer data and stay out of the log.
		log.info("Ingested {}: {} received, {} created, {} updated, {} unchanged, {} rejected in {} ms", kind,
				report.received(), report.created(), report.updated(), report.unchanged(), report.rejected(),
				(System.nanoTime() - started) / 1_000_000);
		return report;
	}

	/**
	 * Reads the next chunk before its transaction begins, so that a slow sender never
	 * holds a transaction open. When the batch breaks off (its JSON breaks, the client
	 * goes away), the records read before the break are still returned, to be stored and
	 * reported like any other: a break never silently drops what came before it.
	 */
	private static <T> Chunk<T> nextChunk(Iterator<Submission<T>> batch) {
		List<Submission<T>> records = new ArrayList<>();
		try {
			while (records.size() < CHUNK_SIZE && batch.hasNext()) {
				records.add(batch.next());
			}
		}
		catch (RuntimeException ex) {
			return new Chunk<>(records, ex);
		}
		return new Chunk<>(records, null);
	}

	/** Records read in one go, and what stopped the reading, if the batch broke off. */
	private record Chunk<T>(List<Submission<T>> records, RuntimeException breakOff) {

		boolean complete() {
			return this.breakOff == null;
		}

	}

	/**
	 * Stores the readable records of a chunk at once, in a savepoint; the outcomes, in
	 * the chunk's order, or null when a record was refused and nothing was stored.
	 */
	private <T> List<RecordOutcome> applyAll(List<Submission<T>> records, Function<T, String> key,
			Function<List<T>, List<Stored>> storeAll) {
		List<Submission<T>> readable = records.stream().filter(Submission::readable).toList();
		List<Stored> stored;
		try {
			stored = this.record.execute((status) -> storeAll.apply(readable.stream().map(Submission::data).toList()));
		}
		catch (IllegalArgumentException | InvalidInputException | NotFoundException | RefusedException
				| DataIntegrityViolationException ex) {
			log.debug("A chunk of {} records is taken in one by one: {}", readable.size(), ex.getMessage());
			return null;
		}
		List<RecordOutcome> outcomes = new ArrayList<>(records.size());
		int next = 0;
		for (Submission<T> submission : records) {
			outcomes.add(submission.readable() ? announce(submission, key.apply(submission.data()), stored.get(next++))
					: unreadable(submission));
		}
		return outcomes;
	}

	private <T> RecordOutcome apply(Submission<T> submission, Function<T, String> key, Function<T, Stored> store) {
		if (!submission.readable()) {
			return unreadable(submission);
		}
		String name = key.apply(submission.data());
		try {
			return announce(submission, name, this.record.execute((status) -> store.apply(submission.data())));
		}
		catch (IllegalArgumentException | InvalidInputException | NotFoundException | RefusedException ex) {
			return RecordOutcome.rejected(submission.index(), name, ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			return RecordOutcome.rejected(submission.index(), name, refusedByDatabase(ex));
		}
		// Anything else (the database is gone, a bug) is no fault of the record: it fails
		// the chunk, and the sender can send the whole batch again, which is idempotent.
	}

	private static RecordOutcome unreadable(Submission<?> submission) {
		return RecordOutcome.rejected(submission.index(), submission.key(), submission.reason());
	}

	/** The stored record's outcome, once what it announces is published. */
	private RecordOutcome announce(Submission<?> submission, String name, Stored stored) {
		stored.announcements().forEach(this.events::publishEvent);
		return RecordOutcome.stored(submission.index(), name, stored.change(), stored.id());
	}

	/**
	 * Says why the database refused a record without echoing the SQL or its values, which
	 * hold customer data.
	 */
	static String refusedByDatabase(DataIntegrityViolationException ex) {
		String state = (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null)
				? sql.getSQLState() : "";
		String why;
		if (state.equals("22001")) {
			why = "a value is longer than the database allows";
		}
		else if (state.startsWith("22")) {
			why = "a value is out of range";
		}
		else if (state.equals("23505")) {
			why = "it collides with a record stored at the same time; send it again";
		}
		else if (state.equals("23503") || state.equals("23506")) {
			why = "it refers to a record that does not exist";
		}
		else if (state.equals("23502")) {
			why = "a required value is missing";
		}
		else {
			why = "it breaks a rule of the database";
		}
		return "rejected by the database: " + why;
	}

	private static <I> Stored stored(Upserted<I> upserted, ToLongFunction<I> id) {
		return new Stored(id.applyAsLong(upserted.id()), upserted.change(), List.of());
	}

	/** A stored record, and the events to publish once its savepoint holds. */
	private record Stored(long id, Change change, List<Object> announcements) {
	}

}
