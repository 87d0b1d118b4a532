package io.aftercare.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.aftercare.account.Csm;
import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.ContactName;
import io.aftercare.chat.intent.CustomerName;
import io.aftercare.customer.BookVersion;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.NamedCustomer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Each CSM's {@link Book} as the chat reads messages against it. The book's version is
 * read from the database on every turn, so a customer added, renamed, handed to another
 * CSM or given a contact counts at once; the names are read and the book's indexes (about
 * a second at 5,000 customers on two busy cores, see docs/performance.md) built only when
 * that version changed. The most recently used books are kept, a few dozen at most. A CSM
 * opening the chat has their book {@linkplain #prepare prepared} in the background, so
 * that their first message does not wait for it.
 */
@Component
class Books implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Books.class);

	static final int BOOK_LIMIT = 5000;

	// Three contacts a customer on average, and room to spare.
	static final int CONTACT_LIMIT = 20000;

	private static final int BOOKS_KEPT = 64;

	private final CustomerBook customers;

	/**
	 * One book built at a time per CSM: a message that arrives while the book is being
	 * prepared waits for it rather than building it a second time.
	 */
	private final Object[] building = new Object[32];

	/** One book prepared at a time, a few waiting; more are dropped (built on use). */
	private final ThreadPoolExecutor preparing = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(16), (task) -> {
				Thread thread = new Thread(task, "chat-books");
				thread.setDaemon(true);
				return thread;
			});

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > BOOKS_KEPT;
		}

	};

	Books(CustomerBook customers) {
		this.customers = customers;
		for (int i = 0; i < this.building.length; i++) {
			this.building[i] = new Object();
		}
	}

	/** Builds the CSM's book in the background, unless it is kept and current. */
	void prepare(Csm csm) {
		if (!this.waiting.add(csm.username())) {
			return;
		}
		try {
			this.preparing.execute(() -> {
				try {
					of(csm);
				}
				catch (RuntimeException ex) {
					log.warn("The chat book of {} could not be prepared: {}", csm.username(), ex.getMessage());
				}
				finally {
					this.waiting.remove(csm.username());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.waiting.remove(csm.username());
		}
	}

	/** Whether the CSM's book is kept, as last built. */
	boolean keeps(String username) {
		synchronized (this.kept) {
			return this.kept.containsKey(username);
		}
	}

	/** The CSM's book as it is now. */
	Book of(Csm csm) {
		// Read before the names: a change made meanwhile leaves a copy that is older than
		// its version says, and is rebuilt on the next message, never the other way.
		BookVersion version = this.customers.version(csm);
		synchronized (this.building[Math.floorMod(csm.username().hashCode(), this.building.length)]) {
			Kept same;
			synchronized (this.kept) {
				same = this.kept.get(csm.username());
			}
			if (same != null && same.version().equals(version)) {
				return same.book();
			}
			List<NamedCustomer> named = this.customers.names(csm, BOOK_LIMIT);
			List<CustomerName> names = named.stream().map((c) -> new CustomerName(c.id().value(), c.name())).toList();
			List<ContactName> contacts = this.customers
				.contactNames(named.stream().map(NamedCustomer::id).toList(), CONTACT_LIMIT)
				.stream()
				.map((c) -> new ContactName(c.id().value(), c.customerId().value(), c.name()))
				.toList();
			Book book = Book.of(names, contacts);
			synchronized (this.kept) {
				this.kept.put(csm.username(), new Kept(version, book));
			}
			return book;
		}
	}

	@Override
	public void destroy() {
		this.preparing.shutdownNow();
	}

	private record Kept(BookVersion version, Book book) {
	}

}
