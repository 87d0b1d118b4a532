package io.aftercare.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Questions about customers, always asked on behalf of a CSM: a CSM sees only the
 * customers they own, an admin sees all. A customer outside the CSM's book is reported as
 * not found.
 */
@Service
@ReadOnly
public class CustomerBook {

	private static final String CUSTOMER_COLUMNS = """
			c.id, c.name, c.tier, c.arr, c.employees, c.renewal_date, c.owner_username, c.at_risk,
			(select h.score from health_scores h where h.customer_id = c.id
			 order by h.recorded_at desc limit 1) as health_score
			""";

	/**
	 * The name as the search compares it: lower case, without spaces. The column
	 * {@code search_name} (V77) holds the same; the trigram index (V44) is on this
	 * expression, so the contains match keeps it.
	 */
	private static final String COMPACT_NAME = "replace(lower(c.name), ' ', '')";

	/**
	 * The names that start with the query ({@code :prefix}), as the search name has them.
	 */
	private static final String STARTS_WITH = "c.search_name like :prefix escape '\\'";

	private final JdbcClient jdbc;

	private final CsmDirectory csms;

	CustomerBook(JdbcClient jdbc, CsmDirectory csms) {
		this.jdbc = jdbc;
		this.csms = csms;
	}

	/**
	 * The CSM who owns the customer: who signs its follow-ups, sends them and keeps its
	 * reminders. {@code otherwise} for a customer nobody owns, or whose owner left.
	 */
	public Csm owner(Customer customer, Csm otherwise) {
		return (customer.ownerUsername() != null) ? this.csms.find(customer.ownerUsername()).orElse(otherwise)
				: otherwise;
	}

	public Optional<Customer> find(Csm viewer, CustomerId id) {
		return this.jdbc.sql("select " + CUSTOMER_COLUMNS + """
				from customers c
				where c.id = :id and (cast(:owner as varchar) is null or c.owner_username = :owner)
				""")
			.param("id", id.value())
			.param("owner", viewer.ownerFilter())
			.query(CustomerBook::customer)
			.optional();
	}

	/**
	 * The customer, or {@link CustomerNotFoundException} when it is not in the CSM's
	 * book.
	 */
	public Customer require(Csm viewer, CustomerId id) {
		return find(viewer, id).orElseThrow(() -> new CustomerNotFoundException(id));
	}

	/**
	 * Customers whose name contains the query, ignoring case and spaces ("tech flow"
	 * finds TechFlow): those whose name starts with it first, ordered by that name in
	 * lower case without spaces (character by character, the order an index can give a
	 * page of them in), then the others by name; the whole book, by name, when the query
	 * is blank.
	 */
	public List<Customer> search(Csm viewer, String query, int limit, int offset) {
		String compact = (query != null) ? query.strip().toLowerCase(Locale.ROOT).replace(" ", "") : "";
		if (compact.isEmpty()) {
			String inBook = (viewer.ownerFilter() != null) ? "c.owner_username = :owner" : "true";
			return page(viewer, "from customers c where " + inBook, Map.of(), limit, offset);
		}
		if (viewer.ownerFilter() != null) {
			return searchBook(viewer, compact, limit, offset);
		}
		return searchAll(viewer, compact, limit, offset);
	}

	/**
	 * The search across all customers, an admin's: the names that start with the query,
	 * then the others.
	 */
	private List<Customer> searchAll(Csm viewer, String compact, int limit, int offset) {
		String escaped = escapeLike(compact);
		String startsWith = escaped + "%";
		Map<String, String> prefix = Map.of("prefix", startsWith);
		// The names that start with the query: a range of the search name's index (V77),
		// read in its order, so only the page is read, however many names start so.
		List<Customer> result = new ArrayList<>(this.jdbc
			.sql("select " + CUSTOMER_COLUMNS + " from customers c where " + STARTS_WITH
					+ " order by c.search_name, c.id limit :limit offset :offset")
			.params(prefix)
			.param("limit", limit)
			.param("offset", offset)
			.query(CustomerBook::customer)
			.list());
		if (result.size() == limit) {
			return result;
		}
		int startingTotal = (result.isEmpty() && offset > 0)
				? this.jdbc.sql("select count(*) from customers c where " + STARTS_WITH)
					.params(prefix)
					.query(Integer.class)
					.single()
				: offset + result.size();
		// The others, through the trigram index of the same expression (a name that
		// contains the query contains it without spaces too: one condition covers both
		// spellings), found first in a subquery, then sorted: offset 0 keeps PostgreSQL
		// from walking the name index in order, hoping to meet them early ("tech" meets
		// none before the Ts, 80,000 names in).
		result.addAll(page(viewer,
				"from (select * from customers c where " + COMPACT_NAME + " like :pattern escape '\\' and not "
						+ STARTS_WITH + " offset 0 rows) c",
				Map.of("pattern", "%" + startsWith, "prefix", startsWith), limit - result.size(),
				Math.max(0, offset - startingTotal)));
		return result;
	}

	/**
	 * The search in a CSM's book, a few hundred customers: one statement finds the
	 * matches among the book's compact names (on PostgreSQL from the index of owner and
	 * name alone, V78), then reads those customers and ranks them. position() rather than
	 * LIKE, so that PostgreSQL combines no name index with the owner's: that costs more
	 * than reading the book (docs/performance.md).
	 */
	private List<Customer> searchBook(Csm viewer, String compact, int limit, int offset) {
		return this.jdbc.sql("select " + CUSTOMER_COLUMNS + """
				from customers c
				where c.id in (select b.id from customers b
				               where b.owner_username = :owner and position(:query in b.search_name) > 0)
				order by case when position(:query in c.search_name) = 1 then 0 else 1 end,
				         case when position(:query in c.search_name) = 1 then c.search_name end, c.name, c.id
				limit :limit offset :offset
				""")
			.param("owner", viewer.ownerFilter())
			.param("query", compact)
			.param("limit", limit)
			.param("offset", offset)
			.query(CustomerBook::customer)
			.list();
	}

	/**
	 * A page of customers, by name. The CSM's book and an admin's all customers are two
	 * statements, never "owner is null or ...": PostgreSQL may plan a prepared statement
	 * once for all parameters, and that plan cannot use the owner's index.
	 */
	private List<Customer> page(Csm viewer, String from, Map<String, String> patterns, int limit, int offset) {
		return this.jdbc.sql("select " + CUSTOMER_COLUMNS + from + """
				 order by c.name, c.id
				limit :limit offset :offset
				""")
			.param("owner", viewer.ownerFilter())
			.params(patterns)
			.param("limit", limit)
			.param("offset", offset)
			.query(CustomerBook::customer)
			.list();
	}

	/**
	 * Ids and names of the CSM's book, by name: what a forgiving name match needs,
	 * without the health lookup of a full {@link Customer}.
	 */
	public List<NamedCustomer> names(Csm viewer, int limit) {
		// Two statements, as for a page of the search.
		String owner = viewer.ownerFilter();
		return this.jdbc.sql((owner != null) ? """
				select id, name from customers where owner_username = :owner order by name, id limit :limit
				""" : """
				select id, name from customers order by name, id limit :limit
				""")
			.param("owner", owner)
			.param("limit", limit)
			.query((rs, i) -> new NamedCustomer(new CustomerId(rs.getLong("id")), rs.getString("name")))
			.list();
	}

	/**
	 * Ids and names of the contacts of these customers, by customer: so that naming a
	 * contact ("write to David") names their customer. The customers are the caller's, as
	 * {@link #names} gave them.
	 */
	public List<NamedContact> contactNames(Collection<CustomerId> customers, int limit) {
		if (customers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, customer_id, name from contacts where customer_id in (:customers)
				order by customer_id, id limit :limit
				""")
			.param("customers", customers.stream().map(CustomerId::value).toList())
			.param("limit", limit)
			.query((rs, i) -> new NamedContact(new ContactId(rs.getLong("id")),
					new CustomerId(rs.getLong("customer_id")), rs.getString("name")))
			.list();
	}

	/**
	 * The version of the CSM's book now: compare it to tell whether a copy is current.
	 * Read from the owner's index alone (V72); an admin's counts every customer.
	 */
	public BookVersion version(Csm viewer) {
		String owner = viewer.ownerFilter();
		return this.jdbc.sql((owner != null) ? """
				select count(*) as customers, max(updated_at) as last_changed from customers
				where owner_username = :owner
				""" : """
				select count(*) as customers, max(updated_at) as last_changed from customers
				""")
			.param("owner", owner)
			.query((rs, i) -> new BookVersion(rs.getLong("customers"), SqlTime.instant(rs, "last_changed")))
			.single();
	}

	public List<Contact> contacts(CustomerId customer) {
		return this.jdbc.sql("""
				select id, customer_id, name, email, role, is_primary, time_zone, language from contacts
				where customer_id = :customer order by is_primary desc, name
				""").param("customer", customer.value()).query(CustomerBook::contact).list();
	}

	public Optional<Contact> contact(ContactId id) {
		return this.jdbc.sql("""
				select id, customer_id, name, email, role, is_primary, time_zone, language from contacts where id = :id
				""").param("id", id.value()).query(CustomerBook::contact).optional();
	}

	/** Health scores recorded in {@code [from, to]}, oldest first. */
	public List<HealthEntry> healthHistory(CustomerId customer, Instant from, Instant to) {
		return this.jdbc.sql("""
				select score, recorded_at, source, note from health_scores
				where customer_id = :customer and recorded_at between :from and :to
				order by recorded_at
				""")
			.param("customer", customer.value())
			.param("from", SqlTime.utc(from))
			.param("to", SqlTime.utc(to))
			.query(CustomerBook::health)
			.list();
	}

	/** The last score recorded at or before {@code at}. */
	public Optional<HealthEntry> healthAt(CustomerId customer, Instant at) {
		return this.jdbc.sql("""
				select score, recorded_at, source, note from health_scores
				where customer_id = :customer and recorded_at <= :at
				order by recorded_at desc limit 1
				""")
			.param("customer", customer.value())
			.param("at", SqlTime.utc(at))
			.query(CustomerBook::health)
			.optional();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Customer customer(ResultSet rs, int row) throws SQLException {
		// getObject(LocalDate): the driver parses the date itself, where getDate converts
		// it through a Calendar in the JVM's zone for every row.
		return new Customer(new CustomerId(rs.getLong("id")), rs.getString("name"),
				CustomerTier.valueOf(rs.getString("tier")), rs.getBigDecimal("arr"),
				rs.getObject("employees", Integer.class), rs.getObject("renewal_date", LocalDate.class),
				rs.getString("owner_username"), rs.getBoolean("at_risk"), rs.getObject("health_score", Integer.class));
	}

	static Contact contact(ResultSet rs, int row) throws SQLException {
		return new Contact(new ContactId(rs.getLong("id")), new CustomerId(rs.getLong("customer_id")),
				rs.getString("name"), rs.getString("email"), rs.getString("role"), rs.getBoolean("is_primary"),
				rs.getString("time_zone"), rs.getString("language"));
	}

	static HealthEntry health(ResultSet rs, int row) throws SQLException {
		return new HealthEntry(rs.getInt("score"), SqlTime.instant(rs, "recorded_at"), rs.getString("source"),
				rs.getString("note"));
	}

}
