package io.aftercare.ingestion;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * <p>
 * A large batch of tickets is stored in {@link IngestionSettings#lanes() lanes}: each
 * ticket's lane follows from its key, so its versions stay in their order, and the lanes'
 * chunks are stored at the same time, each in a transaction and on a connection of its
 * own. Tickets write only rows of their own (the customer and the requester are only
 * read), so the lanes never wait for each other. A batch the caller stores inside a
 * transaction of its own is stored in that transaction, in one lane.
 */
@Service
@EnableConfigurationProperties(IngestionSettings.class)
public class Ingestion implements DisposableBean {

	static final int CHUNK_SIZE = 500;

	private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

	private final CustomerRegistry customers;

	private final TicketIntake tickets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate chunk;

	private final TransactionTemplate record;

	private final int lanes;

	/** Runs every lane but the first, which the caller's thread runs itself. */
	private final ExecutorService laneThreads;

	Ingestion(CustomerRegistry customers, TicketIntake tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, IngestionSettings settings) {
		this.customers = customers;
		this.tickets = tickets;
		this.events = events;
		this.chunk = new TransactionTemplate(transactions);
		this.record = new TransactionTemplate(transactions);
		this.record.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.lanes = settings.lanes();
		AtomicInteger threads = new AtomicInteger();
		this.laneThreads = (this.lanes > 1) ? Executors.newFixedThreadPool(this.lanes - 1, (task) -> {
			Thread thread = new Thread(task, "ingestion-lane-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	public IngestionReport customers(Iterator<Submission<IncomingCustomer>> batch) {
		return ingest("customers", batch, 1, IncomingCustomer::key, null,
				(customer) -> stored(this.customers.upsert(customer.toRecord()), CustomerId::value));
	}

	public IngestionReport contacts(Iterator<Submission<IncomingContact>> batch) {
		return ingest("contacts", batch, 1, IncomingContact::key, null,
				(contact) -> stored(this.customers.upsert(contact.toRecord()), ContactId::value));
	}

	public IngestionReport healthScores(Iterator<Submission<IncomingHealthScore>> batch) {
		return ingest("health scores", batch, 1, IncomingHealthScore::key, null,
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
		// Only tickets take lanes: customers, contacts and scores share rows (a contact
		// touches its customer). In the caller's transaction, a lane's own would commit
		// apart from it.
		int lanes = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : this.lanes;
		return ingest("tickets", batch, lanes, IncomingTicket::key,
				(tickets) -> this.tickets.upsertAll(tickets.stream().map(IncomingTicket::toRecord).toList())
					.stream()
					.map(stored)
					.toList(),
				(ticket) -> stored.apply(this.tickets.upsert(ticket.toRecord())));
	}

	/**
	 * @param lanes how many chunks may be stored at once, split by the records' keys
	 * @param storeAll stores a chunk's records at once, all or none, if the kind allows;
	 * when one record is refused, the chunk is stored record by record instead, to tell
	 * which
	 */
	private <T> IngestionReport ingest(String kind, Iterator<Submission<T>> batch, int lanes, Function<T, String> key,
			Function<List<T>, List<Stored>> storeAll, Function<T, Stored> store) {
		long started = System.nanoTime();
		IngestionReport.Tally tally = new IngestionReport.Tally();
		int round = lanes * CHUNK_SIZE;
		Chunk<T> next;
		do {
			next = nextChunk(batch, round);
			if (!next.records().isEmpty()) {
				inLanes(byLane(next.records(), lanes, key), (records) -> storeChunk(records, key, storeAll, store))
					.forEach(tally::add);
			}
		}
		while (next.complete() && next.records().size() == round);
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

	/** A chunk stored in a transaction of its own: its outcomes, in its order. */
	private <T> List<RecordOutcome> storeChunk(List<Submission<T>> records, Function<T, String> key,
			Function<List<T>, List<Stored>> storeAll, Function<T, Stored> store) {
		return this.chunk.execute((status) -> {
			List<RecordOutcome> outcomes = (storeAll != null) ? applyAll(records, key, storeAll) : null;
			return (outcomes != null) ? outcomes
					: records.stream().map((submission) -> apply(submission, key, store)).toList();
		});
	}

	/**
	 * The records split into chunks by their keys' lanes, each chunk in the records'
	 * order. A round no larger than a chunk stays whole: a few records gain nothing from
	 * a second transaction.
	 */
	private static <T> List<List<Submission<T>>> byLane(List<Submission<T>> records, int lanes,
			Function<T, String> key) {
		if (lanes == 1 || records.size() <= CHUNK_SIZE) {
			return List.of(records);
		}
		List<List<Submission<T>>> chunks = new ArrayList<>();
		for (int i = 0; i < lanes; i++) {
			chunks.add(new ArrayList<>());
		}
		for (Submission<T> submission : records) {
			String name = submission.readable() ? key.apply(submission.data()) : submission.key();
			int lane = (name != null) ? Math.floorMod(name.hashCode(), lanes) : submission.index() % lanes;
			chunks.get(lane).add(submission);
		}
		chunks.removeIf(List::isEmpty);
		return chunks;
	}

	/**
	 * Stores each chunk, the first on this thread, the others at the same time on the
	 * lanes' threads, and waits for all of them, even when one fails, so that no lane is
	 * still writing when this returns or throws. The outcomes come back in the batch's
	 * order.
	 */
	private <T> List<RecordOutcome> inLanes(List<List<Submission<T>>> chunks,
			Function<List<Submission<T>>, List<RecordOutcome>> store) {
		if (chunks.size() == 1) {
			return store.apply(chunks.get(0));
		}
		Map<String, String> context = MDC.getCopyOfContextMap();
		List<CompletableFuture<List<RecordOutcome>>> others = chunks.subList(1, chunks.size())
			.stream()
			.map((chunk) -> CompletableFuture.supplyAsync(() -> inContext(context, () -> store.apply(chunk)),
					this.laneThreads))
			.toList();
		List<RecordOutcome> outcomes = new ArrayList<>();
		RuntimeException failure = null;
		try {
			outcomes.addAll(store.apply(chunks.get(0)));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (CompletableFuture<List<RecordOutcome>> other : others) {
			try {
				outcomes.addAll(other.join());
			}
			catch (CompletionException ex) {
				RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		outcomes.sort(Comparator.comparingInt(RecordOutcome::index));
		return outcomes;
	}

	/** Runs on a lane's thread with the caller's logging context (its request id). */
	private static <R> R inContext(Map<String, String> context, Supplier<R> work) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		try {
			return work.get();
		}
		finally {
			MDC.clear();
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.laneThreads != null) {
			this.laneThreads.shutdown();
			this.laneThreads.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Reads the next chunk before its transaction begins, so that a slow sender never
	 * holds a transaction open. When the batch breaks off (its JSON breaks, the client
	 * goes away), the records read before the break are still returned, to be stored and
	 * reported like any other: a break never silently drops what came before it.
	 */
	private static <T> Chunk<T> nextChunk(Iterator<Submission<T>> batch, int size) {
		List<Submission<T>> records = new ArrayList<>();
		try {
			while (records.size() < size && batch.hasNext()) {
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
