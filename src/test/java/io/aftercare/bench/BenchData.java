package io.aftercare.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the clients pick their requests from, read back from the seeded tables: every
 * CSM's book, and in it the customers with a ticket resolved lately (those a follow-up
 * can be asked for).
 */
record BenchData(List<Book> csmBooks, Book samBook) {

	/** Resolved this recently, the ticket is inside the follow-up's 90-day window. */
	private static final int RESOLVED_DAYS = 80;

	static BenchData load(JdbcClient jdbc) {
		Set<Long> resolved = new HashSet<>(jdbc.sql("""
				select distinct customer_id from tickets
				where source_system = 'bench' and status in ('SOLVED', 'CLOSED')
				  and resolved_at >= now() - make_interval(days => :days)
				""").param("days", RESOLVED_DAYS).query(Long.class).list());
		Map<String, List<BookCustomer>> byOwner = new LinkedHashMap<>();
		jdbc.sql(
				"select id, name, owner_username from customers where source_system = 'bench' order by owner_username, id")
			.query((rs) -> {
				byOwner.computeIfAbsent(rs.getString("owner_username"), (owner) -> new ArrayList<>())
					.add(new BookCustomer(rs.getLong("id"), rs.getString("name")));
			});
		List<Book> books = new ArrayList<>();
		byOwner.forEach((owner, customers) -> books.add(Book.of(owner, customers, resolved)));
		Book sam = books.stream().filter((book) -> book.owner().equals("sam")).findFirst().orElseThrow();
		books.remove(sam);
		return new BenchData(List.copyOf(books), sam);
	}

	Book anyCsmBook(SplittableRandom random) {
		return this.csmBooks.get(random.nextInt(this.csmBooks.size()));
	}

	/** A CSM's customers. */
	record Book(String owner, List<BookCustomer> customers, List<Long> resolvedLately) {

		static Book of(String owner, List<BookCustomer> customers, Set<Long> resolved) {
			List<Long> lately = customers.stream().map(BookCustomer::id).filter(resolved::contains).toList();
			return new Book(owner, List.copyOf(customers), lately);
		}

		BookCustomer anyCustomer(SplittableRandom random) {
			return this.customers.get(random.nextInt(this.customers.size()));
		}

		long anyResolvedLately(SplittableRandom random) {
			return this.resolvedLately.get(random.nextInt(this.resolvedLately.size()));
		}

	}

	/** A customer as the clients know it. */
	record BookCustomer(long id, String name) {

		/**
		 * What a CSM types to find it: the start of the first word of its name, at least
		 * four letters ("stonef" for "Stoneforge Robotics 4821").
		 */
		String namePart(SplittableRandom random) {
			String word = this.name.split(" ")[0].toLowerCase(Locale.ROOT);
			int length = Math.min(word.length(), 4 + random.nextInt(5));
			return word.substring(0, length);
		}

	}

}
