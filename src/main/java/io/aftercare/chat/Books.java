package io.aftercare.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aftercare.account.Csm;
import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.ContactName;
import io.aftercare.chat.intent.CustomerName;
import io.aftercare.customer.CustomerBook;

import org.springframework.stereotype.Component;

/**
 * Each CSM's {@link Book} as the chat reads messages against it. The names are read from
 * the database on every turn, so a customer added, renamed or handed to another CSM
 * counts at once; the book's indexes, which cost far more to build than to read (about a
 * second at 5,000 customers on two busy cores, see docs/performance.md), are rebuilt only
 * when those names changed. The most recently used books are kept, a few dozen at most.
 */
@Component
class Books {

	static final int BOOK_LIMIT = 5000;

	// Three contacts a customer on average, and room to spare.
	static final int CONTACT_LIMIT = 20000;

	private static final int BOOKS_KEPT = 64;

	private final CustomerBook customers;

	private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > BOOKS_KEPT;
		}

	};

	Books(CustomerBook customers) {
		this.customers = customers;
	}

	/** The CSM's book as it is now. */
	Book of(Csm csm) {
		List<CustomerName> names = this.customers.names(csm, BOOK_LIMIT)
			.stream()
			.map((c) -> new CustomerName(c.id().value(), c.name()))
			.toList();
		List<ContactName> contacts = this.customers.contactNames(csm, CONTACT_LIMIT)
			.stream()
			.map((c) -> new ContactName(c.id().value(), c.customerId().value(), c.name()))
			.toList();
		Kept same;
		synchronized (this.kept) {
			same = this.kept.get(csm.username());
		}
		if (same != null && same.names().equals(names) && same.contacts().equals(contacts)) {
			return same.book();
		}
		Book book = Book.of(names, contacts);
		synchronized (this.kept) {
			this.kept.put(csm.username(), new Kept(names, contacts, book));
		}
		return book;
	}

	private record Kept(List<CustomerName> names, List<ContactName> contacts, Book book) {
	}

}
