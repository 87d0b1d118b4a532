package io.aftercare.customer;

import java.util.List;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer search through the API on the demo workspace: a part of the name, with or
 * without its spaces and in any case, within the caller's book, by name. Run on H2 and on
 * PostgreSQL, where the query takes the trigram index.
 */
@AftercareIntegrationTest
class CustomerSearchIntegrationTests {

	/** Lower case without spaces, character by character: as V77's search name sorts. */
	private static final java.util.Comparator<String> BY_SEARCH_NAME = java.util.Comparator
		.comparing((name) -> name.toLowerCase(java.util.Locale.ROOT).replace(" ", ""));

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsAPartOfTheNameIgnoringCaseAndSpaces() {
		assertThat(names("sam", "tech flow")).containsExactly("TechFlow");
		assertThat(names("sam", "HILL hosp")).containsExactly("Cedar Hill Hospitality");
		assertThat(names("sam", "lumenanalytics")).containsExactly("Lumen Analytics");
		assertThat(names("sam", "  maple & co ")).containsExactly("Maple & Co Bakery");
	}

	@Test
	void answersByNameWithinTheCallersBookAndPages() {
		assertThat(names("sam", "tech")).containsSubsequence("TechFlow", "Techline Systems").doesNotContain("Initech");
		assertThat(names("alex", "tech")).contains("Initech").doesNotContain("TechFlow", "Techline Systems");
		assertThat(names("admin", "media")).contains("Orbit Media", "Silverline Media");
		assertThat(names("sam", "media")).contains("Orbit Media").doesNotContain("Silverline Media");
		List<String> sams = names("sam", "tech");
		assertThat(names("sam", "tech", 1, 1)).containsExactly(sams.get(1));
	}

	@Test
	void listsNamesThatStartWithTheQueryFirstAndPagesAcrossBoth() {
		List<String> all = names("admin", "tech");
		assertThat(all).containsSubsequence("TechFlow", "Techline Systems", "Initech");
		assertThat(all.subList(0, all.indexOf("Initech"))).as("names that start with it, by their search name")
			.allMatch((name) -> name.toLowerCase(java.util.Locale.ROOT).startsWith("tech"))
			.isSortedAccordingTo(BY_SEARCH_NAME);
		int firstOther = all.indexOf("Initech");
		assertThat(names("admin", "tech", 2, firstOther - 1)).containsExactly(all.get(firstOther - 1), "Initech");
		assertThat(names("admin", "tech", 1, firstOther)).containsExactly("Initech");
		assertThat(names("admin", "tech", 50, Integer.MAX_VALUE)).as("past the end of both").isEmpty();
		assertThat(names("admin", "flow")).as("a name containing it further in is still found").contains("TechFlow");
	}

	@Test
	void aCsmsBookListsNamesThatStartWithTheQueryFirstToo() {
		List<String> book = names("sam", "co");
		assertThat(book).containsSubsequence("Cobalt Manufacturing", "Acme Corp", "Maple & Co Bakery")
			.doesNotContain("Sunrise Supply Co");
		int firstOther = book.indexOf("Acme Corp");
		assertThat(book.subList(0, firstOther)).as("names that start with it, by their search name")
			.allMatch((name) -> name.toLowerCase(java.util.Locale.ROOT).startsWith("co"))
			.isSortedAccordingTo(BY_SEARCH_NAME);
		assertThat(book.subList(firstOther, book.size())).as("then the others, by name")
			.noneMatch((name) -> name.toLowerCase(java.util.Locale.ROOT).startsWith("co"))
			.isSorted();
		assertThat(names("sam", "co", 2, firstOther - 1)).containsExactly(book.get(firstOther - 1), "Acme Corp");
		assertThat(names("sam", "co", 50, Integer.MAX_VALUE)).as("past the end").isEmpty();
	}

	@Test
	void aBlankQueryListsTheWholeBookByName() {
		List<String> book = names("sam", " ");
		assertThat(book).contains("Acme Corp", "TechFlow", "Vertex Financial").doesNotContain("Globex");
		assertThat(book.indexOf("Acme Corp")).isLessThan(book.indexOf("TechFlow"));
		assertThat(book.indexOf("TechFlow")).isLessThan(book.indexOf("Vertex Financial"));
	}

	@Test
	void wildcardsAreTakenLiterally() {
		assertThat(names("admin", "%")).allMatch((name) -> name.contains("%"));
		assertThat(names("admin", "_")).allMatch((name) -> name.contains("_"));
		assertThat(names("admin", "a%b")).isEmpty();
	}

	@Test
	@EnabledIfSystemProperty(named = "aftercare.test.database", matches = "postgres")
	@Transactional
	void postgresqlFindsTheMatchesThroughTheTrigramIndex() {
		// The demo's 31 customers are scanned faster than any index is read;
		// forbidding the scan shows the plan 100,000 customers get.
		this.jdbc.sql("set local enable_seqscan = off").update();
		String plan = String.join("\n", this.jdbc.sql("""
				explain select * from (select * from customers c
				  where replace(lower(c.name), ' ', '') like '%techflo%' offset 0 rows) c
				order by c.name, c.id limit 50
				""").query(String.class).list());
		assertThat(plan).contains("customers_compact_name_trigrams").doesNotContain("customers_name_trigrams");
		String prefixPlan = String.join("\n", this.jdbc.sql("""
				explain select * from customers c where c.search_name like 'techflo%'
				order by c.search_name, c.id limit 50
				""").query(String.class).list());
		assertThat(prefixPlan).as("names that start with the query: a range of the search name's index, in its order")
			.contains("customers_search_name")
			.doesNotContain("Sort");
		String bookPlan = String.join("\n", this.jdbc.sql("""
				explain select * from customers c where c.id in (select b.id from customers b
				  where b.owner_username = 'sam' and position('techflo' in b.search_name) > 0)
				order by case when position('techflo' in c.search_name) = 1 then 0 else 1 end,
				  case when position('techflo' in c.search_name) = 1 then c.search_name end, c.name, c.id limit 50
				""").query(String.class).list());
		assertThat(bookPlan).as("a CSM's book: its names read from the index of owner and name alone")
			.contains("customers_book_search")
			.doesNotContain("trigrams")
			.doesNotContain("customers_search_name");
	}

	private List<String> names(String user, String query) {
		return names(user, query, 50, 0);
	}

	private List<String> names(String user, String query, int limit, int offset) {
		return CustomerNames.of(this.http, user, "demo", "/api/customers?query={query}&limit={limit}&offset={offset}",
				query, limit, offset);
	}

}
